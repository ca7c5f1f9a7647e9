import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { SecretariatCityFieldsFragment } from '../graphql/generated/graphql';
import { useT } from '../i18n/i18n';
import { Alert } from '../ui/primitives';
import { CityForm } from './directory/CityForm';
import { DirectoryPage, EditButton, useDirectory } from './directory/DirectoryList';
import { SecretariatCitiesQuery } from './operations-directory';

type City = SecretariatCityFieldsFragment;

/** The network's cities and their data; add one, change one, and go on to its reviews. */
export function CitiesPage() {
  const t = useT();
  const intl = useIntl();
  const list = useDirectory(SecretariatCitiesQuery);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState<{ city: City; created: boolean } | null>(null);
  const onSaved = (city: City, created: boolean) => {
    setEditing(null);
    setSaved({ city, created });
    list.reload();
  };
  const edit = (id: string) => {
    setSaved(null);
    setEditing(id);
  };
  const number = (n: number | null | undefined) => (n == null ? '—' : intl.formatNumber(n));

  return (
    <DirectoryPage
      directory="cities"
      list={list}
      connection={(data) => data.cities}
      adding={editing === 'new'}
      onAdd={() => edit('new')}
      notices={
        saved && (
          <Alert kind="success">
            <FormattedMessage
              id={saved.created ? 'secretariat.cities.created' : 'secretariat.cities.saved'}
              values={{ name: saved.city.name }}
            />{' '}
            <Link to={`/secretariat/reviews?new=1&city=${saved.city.id}`}>
              {t('secretariat.cities.createReview', { name: saved.city.name })}
            </Link>
          </Alert>
        )
      }
      newForm={<CityForm onSaved={(c) => onSaved(c, true)} onCancel={() => setEditing(null)} />}
      item={(city) =>
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
              <EditButton name={city.name} onClick={() => edit(city.id)} />
            </div>
          </li>
        )
      }
    />
  );
}
