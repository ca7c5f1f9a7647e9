import { FormEvent, useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import type { SecretariatPersonFieldsFragment } from '../../graphql/generated/graphql';
import { apiError, problemFor } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { LANGUAGES, timeZones } from '../../i18n/languages';
import { Button, Select, TextField } from '../../ui/primitives';
import { CreatePersonMutation, SecretariatOrganisationChoicesQuery, UpdatePersonMutation } from '../operations-directory';
import { FormProblem } from './FormProblem';

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
    locale: person?.locale ?? 'en',
    timeZone: person?.timeZone ?? 'Europe/Brussels',
  });
  const [created, create] = useMutation(CreatePersonMutation);
  const [updated, update] = useMutation(UpdatePersonMutation);
  const result = person ? updated : created;
  const problem = apiError(result.error);
  const error = (path: string) => (problem ? problemFor(problem.problems, path) : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      organisationId: values.organisationId || null,
      locale: values.locale,
      timeZone: values.timeZone.trim(),
    };
    const sent = person ? await update({ id: person.id, input }) : await create({ input });
    const saved = sent.data && ('updatePerson' in sent.data ? sent.data.updatePerson : sent.data.createPerson);
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
          value={values.locale}
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
      <div className="form-actions">
        <Button type="submit" disabled={result.fetching}>
          <FormattedMessage id={person ? 'secretariat.save' : 'secretariat.people.create'} />
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </form>
  );
}
