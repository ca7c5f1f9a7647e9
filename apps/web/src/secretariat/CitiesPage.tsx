import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import type { SecretariatCityFieldsFragment } from '../graphql/generated/graphql';
import { useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button } from '../ui/primitives';
import { CityForm } from './directory/CityForm';
import { PAGE_SIZE, Pager, useCursorPages } from './directory/paging';
import { SearchForm } from './directory/SearchForm';
import { SecretariatCitiesQuery } from './operations-directory';

type City = SecretariatCityFieldsFragment;

/** The network's cities and their data; add one, change one, and go on to its reviews. */
export function CitiesPage() {
  const t = useT();
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const [{ data, error }, refetch] = useQuery({
    query: SecretariatCitiesQuery,
    variables: { search: search || null, first: PAGE_SIZE, after: pages.after ?? null },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState<{ city: City; created: boolean } | null>(null);
  const onSaved = (city: City, created: boolean) => {
    setEditing(null);
    setSaved({ city, created });
    refetch({ requestPolicy: 'network-only' });
  };
  const number = (n: number | null | undefined) => (n == null ? '—' : intl.formatNumber(n));

  return (
    <div>
      <div className="page-head">
        <h1>
          <FormattedMessage id="secretariat.cities.title" />
        </h1>
        {editing !== 'new' && (
          <Button
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            <FormattedMessage id="secretariat.cities.add" />
          </Button>
        )}
      </div>
      {saved && (
        <Alert kind="success">
          <FormattedMessage
            id={saved.created ? 'secretariat.cities.created' : 'secretariat.cities.saved'}
            values={{ name: saved.city.name }}
          />{' '}
          <Link to={`/secretariat/reviews?new=1&city=${saved.city.id}`}>
            {t('secretariat.cities.createReview', { name: saved.city.name })}
          </Link>
        </Alert>
      )}
      {editing === 'new' && <CityForm onSaved={(c) => onSaved(c, true)} onCancel={() => setEditing(null)} />}
      <SearchForm
        label={t('secretariat.cities.search')}
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
            <FormattedMessage id="secretariat.cities.count" values={{ count: data.cities.totalCount }} />
          </p>
          <ul className="directory-list">
            {data.cities.nodes.map((city) =>
              editing === city.id ? (
                <li key={city.id}>
                  <CityForm city={city} onSaved={(c) => onSaved(c, false)} onCancel={() => setEditing(null)} />
                </li>
              ) : (
                <li key={city.id} className="card directory-item" data-testid="city">
                  <div>
                    <h2>
                      {city.name} <span className="muted">({city.country})</span>
                    </h2>
                    <dl className="facts-inline">
                      <div>
                        <dt>{t('secretariat.cities.population')}</dt>
                        <dd data-testid="city-population">{number(city.population)}</dd>
                      </div>
                      <div>
                        <dt>{t('secretariat.cities.memberSince')}</dt>
                        <dd data-testid="city-member-since">{city.iccMemberSince ?? '—'}</dd>
                      </div>
                      <div>
                        <dt>{t('secretariat.cities.charterShort')}</dt>
                        <dd data-testid="city-charter">{t(city.eurocitiesCharterSignatory ? 'secretariat.yes' : 'secretariat.no')}</dd>
                      </div>
                      <div>
                        <dt>{t('secretariat.cities.timeZone')}</dt>
                        <dd>{city.timeZone}</dd>
                      </div>
                    </dl>
                  </div>
                  <div className="item-actions-row">
                    <Link className="btn btn-secondary" to={`/secretariat/reviews?city=${city.id}`}>
                      <FormattedMessage id="secretariat.cities.reviews" />
                      <span className="visually-hidden"> {city.name}</span>
                    </Link>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setSaved(null);
                        setEditing(city.id);
                      }}
                    >
                      <FormattedMessage id="secretariat.edit" />
                      <span className="visually-hidden"> {city.name}</span>
                    </Button>
                  </div>
                </li>
              ),
            )}
          </ul>
          {data.cities.nodes.length === 0 && (
            <p className="muted">
              <FormattedMessage id="secretariat.cities.none" />
            </p>
          )}
          <Pager pages={pages} totalCount={data.cities.totalCount} pageInfo={data.cities.pageInfo} label={t('secretariat.cities.pages')} />
        </>
      )}
    </div>
  );
}
