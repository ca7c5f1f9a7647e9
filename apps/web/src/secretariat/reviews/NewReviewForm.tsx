import { FormEvent, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { ReviewKind, SecretariatCreateReviewMutation } from '../../graphql/generated/graphql';
import { MessageId, useT } from '../../i18n/i18n';
import { Choice, FormActions, Select, TextField } from '../../ui/primitives';
import {
  CreateReviewMutation,
  SecretariatBenchmarkChoicesQuery,
  SecretariatBenchmarkKeyFactorsQuery,
  SecretariatCityChoicesQuery,
} from '../operations-directory';
import { emptyTimeline, TimelineFields, timelineInput } from './TimelineFields';
import { FormProblem } from '../directory/FormProblem';
import { formProblems } from '../directory/useCreateOrUpdate';

export type CreatedReview = SecretariatCreateReviewMutation['createReview'];
const KINDS: ReviewKind[] = ['PEER_REVIEW', 'EXPERT_VISIT', 'INTERNAL_ASSESSMENT'];

/** A new review of a city: its host, kind, benchmark, key factors in scope and timeline (in the host city's time). */
export function NewReviewForm({
  initialCityId,
  onCreated,
  onCancel,
}: {
  initialCityId?: string;
  onCreated(review: CreatedReview): void;
  onCancel(): void;
}) {
  const t = useT();
  const [{ data: cities }] = useQuery({ query: SecretariatCityChoicesQuery, requestPolicy: 'cache-and-network' });
  const [{ data: benchmarks }] = useQuery({ query: SecretariatBenchmarkChoicesQuery });
  const [cityId, setCityId] = useState(initialCityId ?? '');
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [kind, setKind] = useState<ReviewKind>('PEER_REVIEW');
  const [benchmark, setBenchmark] = useState('');
  const [scope, setScope] = useState<Set<number> | null>(null);
  const [timeline, setTimeline] = useState(emptyTimeline);
  const [result, create] = useMutation(CreateReviewMutation);
  const { problem, error } = formProblems(result.error);

  const city = cities?.cities.nodes.find((c) => c.id === cityId);
  const published = benchmarks?.benchmarks.nodes ?? [];
  // The newest published version of each benchmark first.
  const choices = [...published].sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version);
  const [code, version] = benchmark ? [benchmark.split('@')[0], Number(benchmark.split('@')[1])] : ['', 0];
  const [{ data: chosen }] = useQuery({ query: SecretariatBenchmarkKeyFactorsQuery, variables: { code, version }, pause: !code });
  const keyFactors = chosen?.benchmark.keyFactors ?? [];

  useEffect(() => {
    if (!benchmark && choices.length) setBenchmark(`${choices[0].code}@${choices[0].version}`);
  }, [benchmark, choices]);
  // The title follows the city until someone types one.
  const cityName = city?.name;
  useEffect(() => {
    if (cityName && !titleTouched) setTitle(t('secretariat.reviews.defaultTitle', { city: cityName, year: new Date().getFullYear() }));
  }, [cityName, titleTouched, t]);

  const inScope = (n: number) => scope === null || scope.has(n);
  const toggle = (n: number) => {
    const next = new Set(scope ?? keyFactors.map((k) => k.number));
    if (next.has(n)) next.delete(n);
    else next.add(n);
    setScope(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const all = scope === null || keyFactors.every((k) => scope.has(k.number));
    const sent = await create({
      input: {
        title: title.trim(),
        hostCityId: cityId,
        kind,
        benchmarkCode: code,
        benchmarkVersion: version || null,
        scopeKeyFactorNumbers: all ? null : [...scope!].sort((a, b) => a - b),
        timeline: timelineInput(timeline),
      },
    });
    if (sent.data) onCreated(sent.data.createReview);
  };

  return (
    <form onSubmit={submit} className="card" aria-labelledby="new-review-heading" data-testid="new-review">
      <h2 id="new-review-heading">
        <FormattedMessage id="secretariat.reviews.newTitle" />
      </h2>
      <FormProblem problem={problem} />
      <div className="form-row">
        <Select
          label={t('secretariat.reviews.city')}
          required
          value={cityId}
          onChange={(e) => setCityId(e.target.value)}
          error={error('hostCityId')}
        >
          <option value="">{t('secretariat.reviews.chooseCity')}</option>
          {cities?.cities.nodes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.country})
            </option>
          ))}
        </Select>
        <TextField
          label={t('secretariat.reviews.reviewTitle')}
          required
          value={title}
          onChange={(e) => {
            setTitleTouched(true);
            setTitle(e.target.value);
          }}
          error={error('title')}
        />
      </div>
      <p className="muted">
        <FormattedMessage id="secretariat.reviews.cityMissing" />{' '}
        <Link to="/secretariat/cities">
          <FormattedMessage id="secretariat.reviews.addCity" />
        </Link>
      </p>
      <Choice<ReviewKind>
        legend={t('secretariat.reviews.kind')}
        name="review-kind"
        value={kind}
        onChange={setKind}
        options={KINDS.map((k) => ({ value: k, label: t(`leader.kind.${k}` as MessageId) }))}
      />
      <Select
        label={t('secretariat.reviews.benchmark')}
        value={benchmark}
        onChange={(e) => {
          setBenchmark(e.target.value);
          setScope(null);
        }}
        error={error('benchmarkCode') ?? error('benchmarkVersion')}
      >
        {choices.map((b) => (
          <option key={b.id} value={`${b.code}@${b.version}`}>
            {t('secretariat.reviews.benchmarkOption', { title: b.title, code: b.code, version: b.version })}
          </option>
        ))}
      </Select>
      <fieldset aria-describedby="scope-hint">
        <legend>
          {t('secretariat.reviews.scope', { count: keyFactors.filter((k) => inScope(k.number)).length, total: keyFactors.length })}
        </legend>
        <p className="hint" id="scope-hint">
          <FormattedMessage id="secretariat.reviews.scopeHint" />
        </p>
        {error('scopeKeyFactorNumbers') && <p className="field-error">{error('scopeKeyFactorNumbers')}</p>}
        <div className="scope-picker">
          {keyFactors.map((k) => (
            <label key={k.id}>
              <input type="checkbox" checked={inScope(k.number)} onChange={() => toggle(k.number)} />
              <span>
                <span className="kf-code">{k.code}</span> {k.heading}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TimelineFields values={timeline} onChange={setTimeline} timeZone={city?.timeZone} problems={problem?.problems} />
      {error('timeline') && <p className="field-error">{error('timeline')}</p>}
      <FormActions
        submit={<FormattedMessage id="secretariat.reviews.create" />}
        disabled={result.fetching || !cityId}
        onCancel={onCancel}
      />
    </form>
  );
}
