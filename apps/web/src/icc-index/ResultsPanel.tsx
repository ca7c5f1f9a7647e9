import { FormEvent, ReactNode, useState } from 'react';
import { FormattedMessage, FormattedNumber } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { apiError } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { Alert, Button, Select, TextArea, TextField } from '../ui/primitives';
import {
  AddIndexRecommendationMutation,
  CommentIndexIndicatorMutation,
  CorrectIndexScoreMutation,
  IndexComparisonQuery,
} from './operations';
import type { IndexAssessmentData, IndexResultsData } from './types';

const Score = ({ value }: { value: number | null | undefined }) =>
  value === null || value === undefined ? <span className="muted">—</span> : <FormattedNumber value={value} maximumFractionDigits={1} />;

/**
 * The Index results: per indicator the computed score, the experts' correction (with every reason)
 * and the score that counts, the composites and the overall Index, the comments and recommendations.
 * While the assessment is in analysis, the experts comment, correct and recommend here.
 */
export function ResultsPanel({
  assessment,
  results,
  analyses,
  onChanged,
}: {
  assessment: IndexAssessmentData;
  results: IndexResultsData;
  analyses: boolean;
  onChanged(): void;
}) {
  return (
    <section aria-labelledby="index-results">
      <h2 id="index-results">
        <FormattedMessage id="iccIndex.results.title" />
      </h2>
      <p className="index-overall">
        <FormattedMessage id="iccIndex.results.overall" values={{ score: <Score value={results.overall} /> }} />
        {results.overall !== results.overallComputed && (
          <>
            {' '}
            <span className="muted">
              <FormattedMessage id="iccIndex.results.overallComputed" values={{ score: <Score value={results.overallComputed} /> }} />
            </span>
          </>
        )}
      </p>
      <table className="index-table" data-testid="index-results-table">
        <caption>
          <FormattedMessage id="iccIndex.results.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="iccIndex.results.indicator" />
            </th>
            <th scope="col">
              <FormattedMessage id="iccIndex.results.computed" />
            </th>
            <th scope="col">
              <FormattedMessage id="iccIndex.results.corrected" />
            </th>
            <th scope="col">
              <FormattedMessage id="iccIndex.results.score" />
            </th>
          </tr>
        </thead>
        <tbody>
          {results.indicators.map((i) => (
            <tr key={i.code}>
              <th scope="row">{i.name}</th>
              <td>
                <Score value={i.computedScore} />
              </td>
              <td>
                <Score value={i.correctedScore} />
              </td>
              <td>
                <strong>
                  <Score value={i.score} />
                </strong>
              </td>
            </tr>
          ))}
          {results.composites.map((c) => (
            <tr key={c.code} className="index-composite">
              <th scope="row">{c.name}</th>
              <td colSpan={2} />
              <td>
                <strong>
                  <Score value={c.score} />
                </strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>
        <FormattedMessage id="iccIndex.analysis.title" />
      </h3>
      {/* Readers see the indicators the experts said something about; the experts see every one, to analyse. */}
      {!analyses && !results.indicators.some((i) => i.comment || i.corrections.length) && (
        <p className="muted">
          <FormattedMessage id="iccIndex.analysis.none" />
        </p>
      )}
      {results.indicators
        .filter((i) => analyses || i.comment || i.corrections.length)
        .map((i) => (
          <article key={i.code} className="card index-indicator" aria-label={i.name}>
            <h4>{i.name}</h4>
            {i.comment && <p>{i.comment}</p>}
            {i.corrections.length > 0 && (
              <ul className="index-corrections">
                {i.corrections.map((c) => (
                  <li key={c.id}>
                    <FormattedMessage
                      id="iccIndex.analysis.correction"
                      values={{ from: <Score value={c.computedScore} />, to: <Score value={c.score} />, reason: c.reason }}
                    />
                  </li>
                ))}
              </ul>
            )}
            {analyses && <AnalyseIndicator assessmentId={assessment.id} indicator={i} onChanged={onChanged} />}
          </article>
        ))}

      <h3>
        <FormattedMessage id="iccIndex.recommendations.title" />
      </h3>
      {results.recommendations.length ? (
        <ol>
          {results.recommendations.map((r) => (
            <li key={r.id}>
              {r.indicatorCode && <span className="tag">{results.indicators.find((i) => i.code === r.indicatorCode)?.name}</span>} {r.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">
          <FormattedMessage id="iccIndex.recommendations.none" />
        </p>
      )}
      {analyses && <AddRecommendation assessmentId={assessment.id} indicators={results.indicators} onChanged={onChanged} />}
    </section>
  );
}

function AnalyseIndicator({
  assessmentId,
  indicator,
  onChanged,
}: {
  assessmentId: string;
  indicator: IndexResultsData['indicators'][number];
  onChanged(): void;
}) {
  const t = useT();
  const [comment, setComment] = useState(indicator.comment ?? '');
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  const [commentResult, saveComment] = useMutation(CommentIndexIndicatorMutation);
  const [correctResult, correct] = useMutation(CorrectIndexScoreMutation);
  const commentError = apiError(commentResult.error);
  const correctError = apiError(correctResult.error);

  const onComment = async (event: FormEvent) => {
    event.preventDefault();
    const r = await saveComment({ assessmentId, indicatorCode: indicator.code, comment, expectedVersion: indicator.commentVersion });
    if (!r.error) onChanged();
  };
  const onCorrect = async (event: FormEvent) => {
    event.preventDefault();
    const r = await correct({ assessmentId, indicatorCode: indicator.code, score: Number(score), reason });
    if (!r.error) {
      setScore('');
      setReason('');
      onChanged();
    }
  };
  const problem = (path: string) => correctError?.problems.find((p) => p.path === path)?.message;
  return (
    <div className="index-analyse">
      <form onSubmit={onComment}>
        <TextArea
          label={t('iccIndex.analysis.comment', { indicator: indicator.name })}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        {commentError && <Alert kind="error">{commentError.message}</Alert>}
        <Button type="submit" variant="secondary" disabled={commentResult.fetching}>
          <FormattedMessage id="iccIndex.analysis.saveComment" />
        </Button>
      </form>
      <form onSubmit={onCorrect}>
        <TextField
          label={t('iccIndex.analysis.correctTo', { indicator: indicator.name })}
          type="number"
          min={0}
          max={100}
          step="0.1"
          value={score}
          onChange={(e) => setScore(e.target.value)}
          error={problem('score')}
        />
        <TextArea
          label={t('iccIndex.analysis.reason', { indicator: indicator.name })}
          hint={t('iccIndex.analysis.reasonHint')}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={problem('reason')}
        />
        <Button type="submit" variant="secondary" disabled={correctResult.fetching || score === ''}>
          <FormattedMessage id="iccIndex.analysis.correct" />
        </Button>
      </form>
    </div>
  );
}

function AddRecommendation({
  assessmentId,
  indicators,
  onChanged,
}: {
  assessmentId: string;
  indicators: IndexResultsData['indicators'];
  onChanged(): void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [indicatorCode, setIndicatorCode] = useState('');
  const [result, add] = useMutation(AddIndexRecommendationMutation);
  const error = apiError(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const r = await add({ assessmentId, indicatorCode: indicatorCode || null, text });
    if (!r.error) {
      setText('');
      onChanged();
    }
  };
  return (
    <form onSubmit={submit} className="card">
      <Select label={t('iccIndex.recommendations.indicator')} value={indicatorCode} onChange={(e) => setIndicatorCode(e.target.value)}>
        <option value="">{t('iccIndex.recommendations.whole')}</option>
        {indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {i.name}
          </option>
        ))}
      </Select>
      <TextArea label={t('iccIndex.recommendations.text')} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      {error && <Alert kind="error">{error.message}</Alert>}
      <Button type="submit" disabled={result.fetching || !text.trim()}>
        <FormattedMessage id="iccIndex.recommendations.add" />
      </Button>
    </form>
  );
}

type Distribution = { code: string; name: string; cityScore: number | null; min: number | null; median: number | null; max: number | null };

/** The city against the network per indicator, once at least 5 cities have published on the same version; then against cities of its size and of a similar share of foreign-born residents. */
export function ComparisonPanel({ assessmentId, language }: { assessmentId: string; language: string }) {
  const [{ data, error }] = useQuery({ query: IndexComparisonQuery, variables: { assessmentId, language } });
  if (error) return <Alert kind="error">{error.graphQLErrors[0]?.message ?? error.message}</Alert>;
  if (!data) return null;
  const c = data.iccIndexComparison;
  return (
    <section aria-labelledby="index-comparison">
      <h2 id="index-comparison">
        <FormattedMessage id="iccIndex.comparison.title" />
      </h2>
      <p>{c.message}</p>
      {c.available && (
        <DistributionTable
          testId="index-comparison-table"
          rows={c.indicators}
          caption={<FormattedMessage id="iccIndex.comparison.caption" values={{ cities: c.comparableCities }} />}
        />
      )}
      <h3>
        <FormattedMessage id="iccIndex.comparison.similarSize" />
      </h3>
      <p>{c.similarSize.message}</p>
      {c.similarSize.available && (
        <DistributionTable
          testId="index-similar-size-table"
          rows={c.similarSize.indicators}
          caption={<FormattedMessage id="iccIndex.comparison.caption" values={{ cities: c.similarSize.comparableCities }} />}
        />
      )}
      <h3>
        <FormattedMessage id="iccIndex.comparison.similarForeignBorn" />
      </h3>
      <p>{c.similarForeignBorn.message}</p>
      {c.similarForeignBorn.available && (
        <DistributionTable
          testId="index-similar-foreign-born-table"
          rows={c.similarForeignBorn.indicators}
          caption={<FormattedMessage id="iccIndex.comparison.caption" values={{ cities: c.similarForeignBorn.comparableCities }} />}
        />
      )}
    </section>
  );
}

function DistributionTable({ rows, caption, testId }: { rows: Distribution[]; caption: ReactNode; testId: string }) {
  return (
    <table className="index-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <FormattedMessage id="iccIndex.results.indicator" />
          </th>
          <th scope="col">
            <FormattedMessage id="iccIndex.comparison.city" />
          </th>
          <th scope="col">
            <FormattedMessage id="iccIndex.comparison.min" />
          </th>
          <th scope="col">
            <FormattedMessage id="iccIndex.comparison.median" />
          </th>
          <th scope="col">
            <FormattedMessage id="iccIndex.comparison.max" />
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <tr key={i.code}>
            <th scope="row">{i.name}</th>
            <td>
              <Score value={i.cityScore} />
            </td>
            <td>
              <Score value={i.min} />
            </td>
            <td>
              <Score value={i.median} />
            </td>
            <td>
              <Score value={i.max} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
