import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { PlanProgressPoint, planProgressSpec, PlanProgressSeries } from '@peervisit/charts';
import { useT } from '../i18n/i18n';
import { VegaChart } from './VegaChart';

const NO_SERIES: PlanProgressSeries[] = [];

/**
 * The development plan's progress over time (developmentPlan.progressHistory), and optionally a line
 * per recommendation, with the same figures as a table; with fewer than two days of changes, a line
 * saying the chart comes later. The same spec as the follow-up report's (libs/charts).
 */
export function PlanProgressChart({
  points,
  series = NO_SERIES,
  headingLevel = 3,
  testId = 'plan-progress-chart',
}: {
  points: PlanProgressPoint[];
  series?: PlanProgressSeries[];
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}) {
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  const labels = { date: t('charts.plan.day'), progress: t('charts.plan.progress'), plan: t('charts.plan.whole') };
  const spec = useMemo(() => planProgressSpec(points, labels, series), [points, series, labels.date, labels.progress, labels.plan]);
  const pct = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n * 10) / 10} %`);
  return (
    <>
      <Heading>
        <FormattedMessage id="charts.plan.title" />
      </Heading>
      {points.length < 2 ? (
        <p className="muted" data-testid={`${testId}-none`}>
          <FormattedMessage id="charts.plan.notYet" />
        </p>
      ) : (
        <VegaChart spec={spec} label={t('charts.plan.label')} testId={testId}>
          <details>
            <summary>{t('charts.asTable')}</summary>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t('charts.plan.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{labels.date}</th>
                    <th scope="col" className="num">
                      {labels.plan}
                    </th>
                    {series.map((s) => (
                      <th key={s.name} scope="col" className="num">
                        {s.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.date}>
                      <th scope="row">{p.date}</th>
                      <td className="num">{pct(p.progress)}</td>
                      {series.map((s) => (
                        <td key={s.name} className="num">
                          {pct([...s.points].reverse().find((q) => q.date <= p.date)?.progress)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </VegaChart>
      )}
    </>
  );
}
