import { FormEvent, useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { SecretariatCityFieldsFragment } from '../../graphql/generated/graphql';
import { useT } from '../../i18n/i18n';
import { timeZones } from '../../i18n/languages';
import { FormActions, TextField } from '../../ui/primitives';
import { CreateCityMutation, UpdateCityMutation } from '../operations-directory';
import { FormProblem } from './FormProblem';
import { useCreateOrUpdate } from './useCreateOrUpdate';

type City = SecretariatCityFieldsFragment;

/** A city's data: name, country, population, share of foreign-born residents, time zone, member since, charter. New when `city` is absent. */
export function CityForm({ city, onSaved, onCancel }: { city?: City; onSaved(city: City): void; onCancel(): void }) {
  const t = useT();
  const zones = useId();
  const [values, setValues] = useState({
    name: city?.name ?? '',
    country: city?.country ?? '',
    population: city?.population?.toString() ?? '',
    foreignBornShare: city?.foreignBornShare?.toString() ?? '',
    timeZone: city?.timeZone ?? '',
    iccMemberSince: city?.iccMemberSince?.toString() ?? '',
    eurocitiesCharterSignatory: city?.eurocitiesCharterSignatory ?? false,
  });
  const { fetching, problem, error, save } = useCreateOrUpdate({
    create: CreateCityMutation,
    update: UpdateCityMutation,
    id: city?.id,
    saved: (data) => ('updateCity' in data ? data.updateCity : data.createCity),
  });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: values.name.trim(),
      country: values.country.trim().toUpperCase(),
      timeZone: values.timeZone.trim(),
      population: values.population.trim() ? Number(values.population) : null,
      foreignBornShare: values.foreignBornShare.trim() ? Number(values.foreignBornShare) : null,
      iccMemberSince: values.iccMemberSince.trim() ? Number(values.iccMemberSince) : null,
      eurocitiesCharterSignatory: values.eurocitiesCharterSignatory,
    };
    const saved = await save(input);
    if (saved) onSaved(saved);
  };

  return (
    <form onSubmit={submit} className="card" aria-labelledby="city-form-heading" data-testid="city-form">
      <h2 id="city-form-heading">{city ? t('secretariat.cities.editTitle', { name: city.name }) : t('secretariat.cities.newTitle')}</h2>
      <FormProblem problem={problem} />
      <div className="form-row">
        <TextField label={t('secretariat.cities.name')} required value={values.name} onChange={set('name')} error={error('name')} />
        <TextField
          label={t('secretariat.cities.country')}
          hint={t('secretariat.cities.countryHint')}
          required
          maxLength={2}
          value={values.country}
          onChange={set('country')}
          error={error('country')}
        />
        <TextField
          label={t('secretariat.cities.timeZone')}
          hint={t('secretariat.cities.timeZoneHint')}
          required
          list={zones}
          autoComplete="off"
          value={values.timeZone}
          onChange={set('timeZone')}
          error={error('timeZone')}
        />
        <TextField
          label={t('secretariat.cities.population')}
          type="number"
          inputMode="numeric"
          value={values.population}
          onChange={set('population')}
          error={error('population')}
        />
        <TextField
          label={t('secretariat.cities.foreignBornShare')}
          hint={t('secretariat.cities.foreignBornShareHint')}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          value={values.foreignBornShare}
          onChange={set('foreignBornShare')}
          error={error('foreignBornShare')}
        />
        <TextField
          label={t('secretariat.cities.memberSince')}
          hint={t('secretariat.cities.memberSinceHint')}
          type="number"
          inputMode="numeric"
          value={values.iccMemberSince}
          onChange={set('iccMemberSince')}
          error={error('iccMemberSince')}
        />
      </div>
      <datalist id={zones}>
        {timeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <label className="check-field">
        <input
          type="checkbox"
          checked={values.eurocitiesCharterSignatory}
          onChange={(e) => setValues({ ...values, eurocitiesCharterSignatory: e.target.checked })}
        />
        <FormattedMessage id="secretariat.cities.charter" />
      </label>
      <FormActions
        submit={<FormattedMessage id={city ? 'secretariat.save' : 'secretariat.cities.create'} />}
        disabled={fetching}
        onCancel={onCancel}
      />
    </form>
  );
}
