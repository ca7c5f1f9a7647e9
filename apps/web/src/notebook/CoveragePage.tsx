import { useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import type { EvidenceSource } from '../graphql/generated/graphql';
import { CoverageQuery, EvidenceChangedSubscription } from '../graphql/operations';
import { MessageId, useT } from '../i18n/i18n';
import { Alert } from '../ui/primitives';
import { SOURCES } from './labels';

/**
 * The leader's board: one bar per key factor, as long as its evidence and split by source type, so
 * thin or one-sided key factors stand out at a glance. Redrawn whenever the subscription says an
 * item was logged, edited or retracted by anyone in the review.
 */
export function CoveragePage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const [{ data, error }, refetch] = useQuery({ query: CoverageQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: EvidenceChangedSubscription, variables: { reviewId } });
  const changed = live.data?.evidenceChanged;
  useEffect(() => {
    if (changed) refetch({ requestPolicy: 'network-only' });
  }, [changed, refetch]);

  if (error && !data)
    return (
      <Alert kind="error">
        <FormattedMessage id="common.loadFailed" />
      </Alert>
    );
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="common.loading" />
      </p>
    );
  const rows = data.evidenceCoverage.keyFactors;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const total = data.reviewEvidence.totalCount;
  return (
    <section className="coverage" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">
        <FormattedMessage id="coverage.title" />
      </h2>
      <p className="muted" data-testid="coverage-total">
        <FormattedMessage id="coverage.total" values={{ count: total }} />
      </p>
      <SourceLegend />
      <ol className="coverage-rows">
        {rows.map((row) => {
          const bySource = new Map<EvidenceSource, number>(row.bySource.map((s) => [s.source, s.count]));
          const description = t('coverage.row', {
            code: row.keyFactor.code,
            heading: row.keyFactor.heading,
            count: row.total,
            sources: row.bySource.map((s) => `${t(`source.${s.source}` as MessageId)} ${s.count}`).join(', ') || '—',
          });
          return (
            <li
              key={row.keyFactor.id}
              className={`coverage-row ${row.total === 0 ? 'empty' : ''}`}
              data-key-factor={row.keyFactor.code}
              data-total={row.total}
            >
              <span className="kf-code">{row.keyFactor.code}</span>
              <span className="kf-heading">{row.keyFactor.heading}</span>
              <span className="bar" role="img" aria-label={description}>
                {SOURCES.filter((s) => bySource.get(s)).map((s) => (
                  <span key={s} className={`segment source-${s}`} style={{ width: `${((bySource.get(s) ?? 0) / max) * 100}%` }} />
                ))}
              </span>
              <span className="count">{row.total}</span>
              {row.lacksInterviewOrFocusGroup && (
                <span className="warning-tag">
                  <FormattedMessage id="coverage.noInterview" />
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The colour of each source type, as the bars use them (the leader's board shows the same key). */
export function SourceLegend() {
  const t = useT();
  return (
    <ul className="legend" aria-label={t('coverage.legend')}>
      {SOURCES.map((s) => (
        <li key={s}>
          <span className={`swatch source-${s}`} aria-hidden="true" /> {t(`source.${s}` as MessageId)}
        </li>
      ))}
    </ul>
  );
}
