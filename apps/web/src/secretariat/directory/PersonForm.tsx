import { FormEvent, useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import type { SecretariatPersonFieldsFragment } from '../../graphql/generated/graphql';
import { useT } from '../../i18n/i18n';
import { appLanguageOf } from '../../i18n/choose-language';
import { LANGUAGES, timeZones } from '../../i18n/languages';
import { FormActions, Select, TextField } from '../../ui/primitives';
import { CreatePersonMutation, SecretariatOrganisationChoicesQuery, UpdatePersonMutation } from '../operations-directory';
import { FormProblem } from './FormProblem';
import { useCreateOrUpdate } from './useCreateOrUpdate';

type Person = SecretariatPersonFieldsFragment;

/**
 * A person's name, email, organisation, language and time zone. New when `person` is absent: the
 * account has no password until its owner accepts an invitation or asks for a reset link.
 */
export function PersonForm({ person, onSaved, onCancel }: { person?: Person; onSaved(person: Person): void; onCancel(): void }) {
  const t = useT();
  const zones = useId();
  const [{ data: organisations }] = useQuery({ query: SecretariatOrganisationChoicesQuery });
  const [values, setValues] = useState({
    fullName: person?.fullName ?? '',
    email: person?.email ?? '',
    organisationId: person?.organisation?.id ?? '',
    // A regional tag of a shipped language (fr-CH) is kept unless changed; one of another language, which
    // the API no longer takes, becomes English, what that person gets anyway.
    locale: appLanguageOf(person?.locale) ? (person?.locale as string) : 'en',
    timeZone: person?.timeZone ?? 'Europe/Brussels',
  });
  const { fetching, problem, error, save } = useCreateOrUpdate({
    create: CreatePersonMutation,
    update: UpdatePersonMutation,
    id: person?.id,
    saved: (data) => ('updatePerson' in data ? data.updatePerson : data.createPerson),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      organisationId: values.organisationId || null,
      locale: values.locale,
      timeZone: values.timeZone.trim(),
    };
    const saved = await save(input);
    if (saved) onSaved(saved);
  };

  return (
    <form onSubmit={submit} className="card" aria-labelledby="person-form-heading" data-testid="person-form">
      <h2 id="person-form-heading">
        {person ? t('secretariat.people.editTitle', { name: person.fullName }) : t('secretariat.people.newTitle')}
      </h2>
      {!person && (
        <p className="muted">
          <FormattedMessage id="secretariat.people.newHint" />
        </p>
      )}
      <FormProblem problem={problem} />
      <div className="form-row">
        <TextField
          label={t('secretariat.people.name')}
          required
          value={values.fullName}
          onChange={(e) => setValues({ ...values, fullName: e.target.value })}
          error={error('fullName')}
        />
        <TextField
          label={t('secretariat.people.email')}
          type="email"
          required
          autoComplete="off"
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
          error={error('email')}
        />
        <Select
          label={t('secretariat.people.organisation')}
          value={values.organisationId}
          onChange={(e) => setValues({ ...values, organisationId: e.target.value })}
          error={error('organisationId')}
        >
          <option value="">{t('secretariat.people.noOrganisation')}</option>
          {organisations?.organisations.nodes.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
        <Select
          label={t('secretariat.people.language')}
          value={appLanguageOf(values.locale) ?? 'en'}
          onChange={(e) => setValues({ ...values, locale: e.target.value })}
          error={error('locale')}
        >
          {LANGUAGES.map(([tag, name]) => (
            <option key={tag} value={tag} lang={tag}>
              {name}
            </option>
          ))}
        </Select>
        <TextField
          label={t('secretariat.people.timeZone')}
          list={zones}
          autoComplete="off"
          value={values.timeZone}
          onChange={(e) => setValues({ ...values, timeZone: e.target.value })}
          error={error('timeZone')}
        />
      </div>
      <datalist id={zones}>
        {timeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <FormActions
        submit={<FormattedMessage id={person ? 'secretariat.save' : 'secretariat.people.create'} />}
        disabled={fetching}
        onCancel={onCancel}
      />
    </form>
  );
}
