import { FormEvent, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { useT } from '../i18n/i18n';
import { FormProblem } from '../secretariat/directory/FormProblem';
import { formProblems } from '../secretariat/directory/useCreateOrUpdate';
import { Button, FormActions, Select, TextField } from '../ui/primitives';

export const StartIndexChoicesQuery = graphql(`
  query StartIndexChoices {
    cities(first: 100) {
      nodes {
        id
        name
        country
      }
    }
    iccIndexDefinitions(status: PUBLISHED, first: 100) {
      nodes {
        id
        code
        version
        title
        illustrative
      }
    }
  }
`);

export const StartIndexPeopleQuery = graphql(`
  query StartIndexPeople($search: String) {
    people(search: $search, first: 10) {
      nodes {
        id
        fullName
        email
        organisation {
          name
        }
      }
    }
  }
`);

export const StartIndexAssessmentMutation = graphql(`
  mutation StartIndexAssessment($input: StartIccIndexAssessmentInput!) {
    startIccIndexAssessment(input: $input) {
      id
    }
  }
`);

interface Chosen {
  id: string;
  fullName: string;
  email: string;
}

/**
 * A person found by name or email (the directory's people), for the coordinator and the experts:
 * type part of a name, then pick one of the matches.
 */
function PersonSearch({ label, testId, onPick }: { label: string; testId: string; onPick(person: Chosen): void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({ query: StartIndexPeopleQuery, variables: { search: search.trim() }, pause: search.trim().length < 2 });
  const matches = search.trim().length < 2 ? [] : (data?.people.nodes ?? []);
  return (
    <div className="index-person-search" data-testid={testId}>
      <TextField label={label} hint={t('iccIndex.start.searchHint')} value={search} onChange={(e) => setSearch(e.target.value)} />
      {matches.length > 0 && (
        <ul className="index-person-matches" aria-label={t('iccIndex.start.matches', { label })}>
          {matches.map((p) => (
            <li key={p.id}>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  onPick({ id: p.id, fullName: p.fullName, email: p.email });
                  setSearch('');
                }}
              >
                {t('iccIndex.start.pick', { name: p.fullName, email: p.email })}
              </Button>{' '}
              {p.organisation && <span className="muted">{p.organisation.name}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The secretariat starts an Index assessment: the city, a published definition version, the date
 * the questionnaire is due (and the experts' analysis), the city's coordinator and the experts.
 */
export function StartAssessmentForm({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: StartIndexChoicesQuery, requestPolicy: 'cache-and-network' });
  const [cityId, setCityId] = useState('');
  const [definition, setDefinition] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [analysisDueDate, setAnalysisDueDate] = useState('');
  const [coordinator, setCoordinator] = useState<Chosen | null>(null);
  const [experts, setExperts] = useState<Chosen[]>([]);
  const [result, start] = useMutation(StartIndexAssessmentMutation);
  const { problem, error } = formProblems(result.error);
  // The newest version of each definition first.
  const definitions = [...(data?.iccIndexDefinitions.nodes ?? [])].sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version);
  useEffect(() => {
    if (!definition && definitions.length) setDefinition(`${definitions[0].code}@${definitions[0].version}`);
  }, [definition, definitions]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const [code, version] = definition.split('@');
    const sent = await start({
      input: {
        cityId,
        definitionCode: code || null,
        definitionVersion: version ? Number(version) : null,
        dueDate,
        analysisDueDate: analysisDueDate || null,
        coordinatorId: coordinator?.id ?? null,
        expertIds: experts.map((x) => x.id),
      },
    });
    if (sent.data) navigate(`/index/${sent.data.startIccIndexAssessment.id}`);
  };

  return (
    <form onSubmit={submit} className="card" aria-labelledby="start-index-heading" data-testid="start-index">
      <h2 id="start-index-heading">
        <FormattedMessage id="iccIndex.start.title" />
      </h2>
      <FormProblem problem={problem} />
      <div className="form-row">
        <Select
          label={t('iccIndex.start.city')}
          required
          value={cityId}
          onChange={(e) => setCityId(e.target.value)}
          error={error('cityId')}
        >
          <option value="">{t('iccIndex.start.chooseCity')}</option>
          {data?.cities.nodes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.country})
            </option>
          ))}
        </Select>
        <Select
          label={t('iccIndex.start.definition')}
          required
          value={definition}
          onChange={(e) => setDefinition(e.target.value)}
          error={error('definitionCode') ?? error('definitionVersion')}
        >
          {definitions.map((d) => (
            <option key={d.id} value={`${d.code}@${d.version}`}>
              {t(d.illustrative ? 'iccIndex.start.definitionIllustrative' : 'iccIndex.start.definitionOption', {
                title: d.title,
                code: d.code,
                version: d.version,
              })}
            </option>
          ))}
        </Select>
      </div>
      {data && !definitions.length && (
        <p className="field-error">
          <FormattedMessage id="iccIndex.start.noDefinition" />
        </p>
      )}
      <div className="form-row">
        <TextField
          label={t('iccIndex.start.dueDate')}
          type="date"
          required
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
          error={error('dueDate')}
        />
        <TextField
          label={t('iccIndex.start.analysisDueDate')}
          hint={t('iccIndex.start.analysisDueDateHint')}
          type="date"
          value={analysisDueDate}
          onChange={(e) => setAnalysisDueDate(e.target.value)}
          error={error('analysisDueDate')}
        />
      </div>
      <fieldset>
        <legend>
          <FormattedMessage id="iccIndex.start.coordinator" />
        </legend>
        {coordinator ? (
          <p data-testid="start-index-coordinator">
            {t('iccIndex.start.pick', { name: coordinator.fullName, email: coordinator.email })}{' '}
            <Button type="button" variant="secondary" onClick={() => setCoordinator(null)}>
              <FormattedMessage id="iccIndex.start.remove" />
            </Button>
          </p>
        ) : (
          <PersonSearch label={t('iccIndex.start.findCoordinator')} testId="start-index-find-coordinator" onPick={setCoordinator} />
        )}
        {error('coordinatorId') && <p className="field-error">{error('coordinatorId')}</p>}
      </fieldset>
      <fieldset>
        <legend>
          <FormattedMessage id="iccIndex.start.experts" />
        </legend>
        <ul data-testid="start-index-experts">
          {experts.map((x) => (
            <li key={x.id}>
              {t('iccIndex.start.pick', { name: x.fullName, email: x.email })}{' '}
              <Button type="button" variant="secondary" onClick={() => setExperts(experts.filter((y) => y.id !== x.id))}>
                <FormattedMessage id="iccIndex.start.remove" />
              </Button>
            </li>
          ))}
        </ul>
        <PersonSearch
          label={t('iccIndex.start.findExpert')}
          testId="start-index-find-expert"
          onPick={(p) => setExperts((list) => (list.some((x) => x.id === p.id) ? list : [...list, p]))}
        />
      </fieldset>
      <FormActions
        submit={<FormattedMessage id="iccIndex.start.submit" />}
        disabled={result.fetching || !cityId || !dueDate}
        onCancel={onCancel}
      />
    </form>
  );
}
