import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button } from '../ui/primitives';
import { MergePeople, MergeResult } from './directory/MergePeople';
import { PAGE_SIZE, Pager, useCursorPages } from './directory/paging';
import { PersonForm } from './directory/PersonForm';
import { PersonRoles } from './directory/PersonRoles';
import { SearchForm } from './directory/SearchForm';
import { SecretariatPeopleQuery } from './operations-directory';

type Open = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'merge'; id: string } | null;

/** Everyone with an account and their roles: find someone, add or change them, merge a duplicate. */
export function PeoplePage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const [{ data, error }, refetch] = useQuery({
    query: SecretariatPeopleQuery,
    variables: { search: search || null, first: PAGE_SIZE, after: pages.after ?? null },
    requestPolicy: 'cache-and-network',
  });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const show = (next: Open) => {
    setNotice(null);
    setMerged(null);
    setOpen(next);
  };

  return (
    <div>
      <div className="page-head">
        <h1>
          <FormattedMessage id="secretariat.people.title" />
        </h1>
        {open?.kind !== 'new' && (
          <Button onClick={() => show({ kind: 'new' })}>
            <FormattedMessage id="secretariat.people.add" />
          </Button>
        )}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {merged && (
        <Alert kind="success">
          <span data-testid="merge-done">
            {t('secretariat.merge.done', { duplicate: merged.mergedFullName, email: merged.mergedEmail, keep: merged.keptPerson.fullName })}
          </span>
          {merged.moved.length > 0 && (
            <ul>
              {merged.moved.map((m) => (
                <li key={m.what}>{t('secretariat.merge.moved', { what: m.what, count: m.count })}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {open?.kind === 'new' && (
        <PersonForm
          onSaved={(p) => {
            setOpen(null);
            setNotice(t('secretariat.people.created', { name: p.fullName }));
            reload();
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      <SearchForm
        label={t('secretariat.people.search')}
        hint={t('secretariat.people.searchHint')}
        onSearch={(words) => {
          pages.reset();
          setSearch(words);
        }}
      />
      {!data ? (
        <Loading error={error} />
      ) : (
        <>
          <p className="muted" role="status">
            <FormattedMessage id="secretariat.people.count" values={{ count: data.people.totalCount }} />
          </p>
          <ul className="directory-list">
            {data.people.nodes.map((person) => {
              if (open?.kind === 'edit' && open.id === person.id)
                return (
                  <li key={person.id}>
                    <PersonForm
                      person={person}
                      onSaved={(p) => {
                        setOpen(null);
                        setNotice(t('secretariat.people.saved', { name: p.fullName }));
                        reload();
                      }}
                      onCancel={() => setOpen(null)}
                    />
                  </li>
                );
              return (
                <li key={person.id} className="card" data-testid="person">
                  <div className="directory-item">
                    <div>
                      <h2>{person.fullName}</h2>
                      <p className="muted">
                        {person.email}
                        {person.organisation && ` · ${person.organisation.name}`}
                      </p>
                      <PersonRoles person={person} />
                    </div>
                    <div className="item-actions-row">
                      <Button variant="secondary" onClick={() => show({ kind: 'edit', id: person.id })}>
                        <FormattedMessage id="secretariat.edit" />
                        <span className="visually-hidden"> {person.fullName}</span>
                      </Button>
                      <Button variant="secondary" onClick={() => show({ kind: 'merge', id: person.id })}>
                        <FormattedMessage id="secretariat.merge.open" />
                        <span className="visually-hidden">
                          {' '}
                          {t('secretariat.merge.openInto', { name: person.fullName, email: person.email })}
                        </span>
                      </Button>
                    </div>
                  </div>
                  {open?.kind === 'merge' && open.id === person.id && (
                    <MergePeople
                      keep={person}
                      onMerged={(result) => {
                        setOpen(null);
                        setMerged(result);
                        reload();
                      }}
                      onCancel={() => setOpen(null)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
          {data.people.nodes.length === 0 && (
            <p className="muted">
              <FormattedMessage id="secretariat.people.none" />
            </p>
          )}
          <Pager pages={pages} totalCount={data.people.totalCount} pageInfo={data.people.pageInfo} label={t('secretariat.people.pages')} />
        </>
      )}
    </div>
  );
}
