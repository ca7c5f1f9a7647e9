import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button } from '../ui/primitives';
import { OrganisationForm, orgKindLabel } from './directory/OrganisationForm';
import { PAGE_SIZE, Pager, useCursorPages } from './directory/paging';
import { SearchForm } from './directory/SearchForm';
import { SecretariatOrganisationsQuery } from './operations-directory';

/** The organisations people belong to: city administrations, NGOs, universities, the secretariat itself. */
export function OrganisationsPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const [{ data, error }, refetch] = useQuery({
    query: SecretariatOrganisationsQuery,
    variables: { search: search || null, first: PAGE_SIZE, after: pages.after ?? null },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onSaved = (name: string, created: boolean) => {
    setEditing(null);
    setNotice(t(created ? 'secretariat.organisations.created' : 'secretariat.organisations.saved', { name }));
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div>
      <div className="page-head">
        <h1>
          <FormattedMessage id="secretariat.organisations.title" />
        </h1>
        {editing !== 'new' && (
          <Button
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            <FormattedMessage id="secretariat.organisations.add" />
          </Button>
        )}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {editing === 'new' && <OrganisationForm onSaved={(o) => onSaved(o.name, true)} onCancel={() => setEditing(null)} />}
      <SearchForm
        label={t('secretariat.organisations.search')}
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
            <FormattedMessage id="secretariat.organisations.count" values={{ count: data.organisations.totalCount }} />
          </p>
          <ul className="directory-list">
            {data.organisations.nodes.map((o) =>
              editing === o.id ? (
                <li key={o.id}>
                  <OrganisationForm organisation={o} onSaved={(s) => onSaved(s.name, false)} onCancel={() => setEditing(null)} />
                </li>
              ) : (
                <li key={o.id} className="card directory-item" data-testid="organisation">
                  <div>
                    <h2>{o.name}</h2>
                    <p className="muted">
                      <span className="tag">{t(orgKindLabel(o.kind))}</span>
                      {[o.city?.name, o.country].filter(Boolean).join(' · ')}
                    </p>
                  </div>
                  <div className="item-actions-row">
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setNotice(null);
                        setEditing(o.id);
                      }}
                    >
                      <FormattedMessage id="secretariat.edit" />
                      <span className="visually-hidden"> {o.name}</span>
                    </Button>
                  </div>
                </li>
              ),
            )}
          </ul>
          {data.organisations.nodes.length === 0 && (
            <p className="muted">
              <FormattedMessage id="secretariat.organisations.none" />
            </p>
          )}
          <Pager
            pages={pages}
            totalCount={data.organisations.totalCount}
            pageInfo={data.organisations.pageInfo}
            label={t('secretariat.organisations.pages')}
          />
        </>
      )}
    </div>
  );
}
