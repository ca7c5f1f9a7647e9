import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { evidenceBySourceSpec, EvidenceSourceCount, SOURCE_COLOURS } from '@peervisit/charts';
import type { EvidenceSource } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { SOURCES } from '../notebook/labels';
import { EvidenceCountsQuery } from './operations';
import { VegaChart } from './VegaChart';

export interface EvidenceCoverageRow {
  keyFactor: { id: string; code: string; heading: string };
  total: number;
  bySource: { source: EvidenceSource; count: number }[];
}

/**
 * Evidence per key factor by type of source (counts only, from evidenceCoverage): the report's chart,
 * for the review team and, once the findings are shared, the host city, with the same figures as a table.
 */
export function EvidenceBySourceChart({ rows, headingLevel = 2 }: { rows: EvidenceCoverageRow[]; headingLevel?: 2 | 3 | 4 }) {
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  const sourceLabel = (s: EvidenceSource) => t(`source.${s}` as MessageId);
  // The labels in the page's language: the chart is redrawn when they or the rows change, not on every render.
  const sourceNames = SOURCES.map(sourceLabel).join('\n');
  const counts: EvidenceSourceCount[] = useMemo(
    () =>
      rows.flatMap((r) =>
        r.bySource.map((s) => ({ code: r.keyFactor.code, heading: r.keyFactor.heading, source: sourceLabel(s.source), count: s.count })),
      ),
    [rows, sourceNames],
  );
  const labels = { keyFactor: t('charts.keyFactor'), count: t('charts.evidence.count'), source: t('charts.evidence.source') };
  const spec = useMemo(
    () =>
      evidenceBySourceSpec(
        counts,
        SOURCES.map(sourceLabel),
        labels,
        SOURCES.map((s) => SOURCE_COLOURS[s]),
      ),
    [counts, labels.keyFactor, labels.count, labels.source],
  );
  const total = rows.reduce((n, r) => n + r.total, 0);
  return (
    <section className="card evidence-chart" aria-labelledby="evidence-chart-heading">
      <Heading id="evidence-chart-heading">
        <FormattedMessage id="charts.evidence.title" />
      </Heading>
      {total === 0 ? (
        <p className="muted" data-testid="evidence-chart-none">
          <FormattedMessage id="charts.evidence.none" />
        </p>
      ) : (
        <VegaChart spec={spec} label={t('charts.evidence.label')} testId="evidence-chart">
          <details>
            <summary>{t('charts.asTable')}</summary>
            <div className="table-scroll">
              <table className="data-table" data-testid="evidence-chart-table">
                <caption className="visually-hidden">{t('charts.evidence.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('charts.keyFactor')}</th>
                    {SOURCES.map((s) => (
                      <th key={s} scope="col" className="num">
                        {sourceLabel(s)}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('charts.evidence.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.keyFactor.id}>
                      <th scope="row">
                        {r.keyFactor.code} {r.keyFactor.heading}
                      </th>
                      {SOURCES.map((s) => (
                        <td key={s} className="num">
                          {r.bySource.find((b) => b.source === s)?.count ?? 0}
                        </td>
                      ))}
                      <td className="num">{r.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </VegaChart>
      )}
    </section>
  );
}

/** The chart from the review's evidence counts: for pages that do not load the coverage already (the host city's findings too). */
export function ReviewEvidenceChart({ reviewId, headingLevel = 3 }: { reviewId: string; headingLevel?: 2 | 3 | 4 }) {
  const [{ data }] = useQuery({ query: EvidenceCountsQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  if (!data) return null;
  return <EvidenceBySourceChart rows={data.evidenceCoverage.keyFactors} headingLevel={headingLevel} />;
}
