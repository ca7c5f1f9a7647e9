import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import type { OrganisationKind, SecretariatOrganisationFieldsFragment } from '../../graphql/generated/graphql';
import { MessageId, useT } from '../../i18n/i18n';
import { FormActions, Select, TextField } from '../../ui/primitives';
import { CreateOrganisationMutation, SecretariatCityChoicesQuery, UpdateOrganisationMutation } from '../operations-directory';
import { FormProblem } from './FormProblem';
import { useCreateOrUpdate } from './useCreateOrUpdate';

type Organisation = SecretariatOrganisationFieldsFragment;

export const ORGANISATION_KINDS: OrganisationKind[] = [
  'CITY_ADMINISTRATION',
  'NGO',
  'MIGRANT_ORGANISATION',
  'ACADEMIA',
  'BUSINESS',
  'MEDIA',
  'FAITH',
  'TRADE_UNION',
  'NATIONAL_GOVERNMENT',
  'NETWORK_SECRETARIAT',
];
export const orgKindLabel = (kind: OrganisationKind) => `secretariat.orgKind.${kind}` as MessageId;

/** An organisation: its name, kind, and the city or country it belongs to. New when `organisation` is absent. */
export function OrganisationForm({
  organisation,
  onSaved,
  onCancel,
}: {
  organisation?: Organisation;
  onSaved(organisation: Organisation): void;
  onCancel(): void;
}) {
  const t = useT();
  const [{ data: cities }] = useQuery({ query: SecretariatCityChoicesQuery });
  const [values, setValues] = useState({
    name: organisation?.name ?? '',
    kind: organisation?.kind ?? ('CITY_ADMINISTRATION' as OrganisationKind),
    cityId: organisation?.city?.id ?? '',
    country: organisation?.country ?? '',
  });
  const { fetching, problem, error, save } = useCreateOrUpdate({
    create: CreateOrganisationMutation,
    update: UpdateOrganisationMutation,
    id: organisation?.id,
    saved: (data) => ('updateOrganisation' in data ? data.updateOrganisation : data.createOrganisation),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: values.name.trim(),
      kind: values.kind,
      cityId: values.cityId || null,
      country: values.country.trim().toUpperCase() || null,
    };
    const saved = await save(input);
    if (saved) onSaved(saved);
  };

  return (
    <form onSubmit={submit} className="card" aria-labelledby="organisation-form-heading" data-testid="organisation-form">
      <h2 id="organisation-form-heading">
        {organisation ? t('secretariat.organisations.editTitle', { name: organisation.name }) : t('secretariat.organisations.newTitle')}
      </h2>
      <FormProblem problem={problem} />
      <div className="form-row">
        <TextField
          label={t('secretariat.organisations.name')}
          required
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={error('name')}
        />
        <Select
          label={t('secretariat.organisations.kind')}
          value={values.kind}
          onChange={(e) => setValues({ ...values, kind: e.target.value as OrganisationKind })}
          error={error('kind')}
        >
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(orgKindLabel(k))}
            </option>
          ))}
        </Select>
        <Select
          label={t('secretariat.organisations.city')}
          value={values.cityId}
          onChange={(e) => setValues({ ...values, cityId: e.target.value })}
          error={error('cityId')}
        >
          <option value="">{t('secretariat.organisations.noCity')}</option>
          {cities?.cities.nodes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.country})
            </option>
          ))}
        </Select>
        <TextField
          label={t('secretariat.cities.country')}
          hint={t('secretariat.cities.countryHint')}
          maxLength={2}
          value={values.country}
          onChange={(e) => setValues({ ...values, country: e.target.value })}
          error={error('country')}
        />
      </div>
      <FormActions
        submit={<FormattedMessage id={organisation ? 'secretariat.save' : 'secretariat.organisations.create'} />}
        disabled={fetching}
        onCancel={onCancel}
      />
    </form>
  );
}
