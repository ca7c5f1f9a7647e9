import { ReactNode, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { CombinedError, TypedDocumentNode, useQuery } from 'urql';
import { useT } from '../../i18n/i18n';
import { Loading } from '../../leader/Loading';
import { Button } from '../../ui/primitives';
import { PAGE_SIZE, Pager, useCursorPages } from './paging';
import { SearchForm } from './SearchForm';

/** The directory pages; each has the messages secretariat.<directory>.title, add, search, count, none and pages. */
type Directory = 'cities' | 'organisations' | 'people';

type SearchVariables = { search?: string | null; first?: number | null; after?: string | null };
type Connection<Node> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; nodes: Node[] };

export interface DirectoryList<Data> {
  data?: Data;
  error?: CombinedError;
  pages: ReturnType<typeof useCursorPages>;
  search(words: string): void;
  reload(): void;
}

/** A directory query searched and paged by cursor; `reload` fetches the page shown again after a change. */
export function useDirectory<Data, Variables extends SearchVariables>(query: TypedDocumentNode<Data, Variables>): DirectoryList<Data> {
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const [{ data, error }, refetch] = useQuery<Data, Variables>({
    query,
    variables: { search: search || null, first: PAGE_SIZE, after: pages.after ?? null } as Variables,
    requestPolicy: 'cache-and-network',
  });
  return {
    data,
    error,
    pages,
    search(words: string) {
      pages.reset();
      setSearch(words);
    },
    reload: () => refetch({ requestPolicy: 'network-only' }),
  };
}

/**
 * A directory page: its title and add button, what happened last (`notices`), the form for a new
 * entry while `adding`, then the search, how many were found, the list (one `item` each) and paging.
 */
export function DirectoryPage<Data, Node extends { id: string }>({
  directory,
  list,
  connection,
  searchHint,
  adding,
  onAdd,
  notices,
  newForm,
  item,
}: {
  directory: Directory;
  list: DirectoryList<Data>;
  connection(data: Data): Connection<Node>;
  searchHint?: string;
  adding: boolean;
  onAdd(): void;
  notices?: ReactNode;
  newForm: ReactNode;
  item(node: Node): ReactNode;
}) {
  const t = useT();
  const found = list.data && connection(list.data);
  return (
    <div>
      <div className="page-head">
        <h1>
          <FormattedMessage id={`secretariat.${directory}.title`} />
        </h1>
        {!adding && (
          <Button onClick={onAdd}>
            <FormattedMessage id={`secretariat.${directory}.add`} />
          </Button>
        )}
      </div>
      {notices}
      {adding && newForm}
      <SearchForm label={t(`secretariat.${directory}.search`)} hint={searchHint} onSearch={list.search} />
      {!found ? (
        <Loading error={list.error} />
      ) : (
        <>
          <p className="muted" role="status">
            <FormattedMessage id={`secretariat.${directory}.count`} values={{ count: found.totalCount }} />
          </p>
          <ul className="directory-list">{found.nodes.map(item)}</ul>
          {found.nodes.length === 0 && (
            <p className="muted">
              <FormattedMessage id={`secretariat.${directory}.none`} />
            </p>
          )}
          <Pager pages={list.pages} totalCount={found.totalCount} pageInfo={found.pageInfo} label={t(`secretariat.${directory}.pages`)} />
        </>
      )}
    </div>
  );
}

/** "Edit" on a directory entry, with the entry's name for screen readers. */
export function EditButton({ name, onClick }: { name: string; onClick(): void }) {
  return (
    <Button variant="secondary" onClick={onClick}>
      <FormattedMessage id="secretariat.edit" />
      <span className="visually-hidden"> {name}</span>
    </Button>
  );
}
