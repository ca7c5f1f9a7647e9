import type { TopLevelSpec } from 'vega-lite';

/** The plan's progress at the end of a day. */
export interface PlanProgressPoint {
  /** ISO day, YYYY-MM-DD. */
  date: string;
  /** 0 to 100. */
  progress: number;
}

/** A recommendation's own progress line (optional): its reference as the reader knows it (e.g. "R3") and its points. */
export interface PlanProgressSeries {
  name: string;
  points: PlanProgressPoint[];
}

/**
 * The development plan's progress over time: a step line from 0 to 100 %, one point per day on which
 * it changed, and, when given, a thinner line per recommendation under the plan's own. Days are
 * plotted as days (no time zone shift: the date is read as written).
 */
export function planProgressSpec(
  points: PlanProgressPoint[],
  labels: { date: string; progress: string; plan: string },
  series: PlanProgressSeries[] = [],
): TopLevelSpec {
  const values = [
    ...series.flatMap((s) => s.points.map((p) => ({ ...p, line: s.name, plan: false }))),
    ...points.map((p) => ({ ...p, line: labels.plan, plan: true })),
  ];
  const lines = [labels.plan, ...series.map((s) => s.name)];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: 200,
    data: { values },
    // "2027-03-12" alone would be read as UTC midnight and drawn as the day before west of Greenwich.
    transform: [{ calculate: "toDate(datum.date + 'T12:00:00')", as: 'day' }],
    mark: { type: 'line', point: true, interpolate: 'step-after', tooltip: true },
    encoding: {
      x: { field: 'day', type: 'temporal', title: labels.date, axis: { format: '%Y-%m-%d', labelAngle: 0, tickCount: 5 } },
      y: { field: 'progress', type: 'quantitative', title: labels.progress, scale: { domain: [0, 100] } },
      color: {
        field: 'line',
        type: 'nominal',
        title: null,
        sort: lines,
        scale: { domain: lines, range: ['#1d4ed8', '#9ca3af', '#f59e0b', '#10b981', '#a855f7', '#ef4444', '#14b8a6', '#6b7280'] },
        legend: series.length ? { orient: 'top' } : null,
      },
      strokeWidth: { condition: { test: 'datum.plan', value: 3 }, value: 1.5 },
      tooltip: [
        { field: 'line', title: labels.plan },
        { field: 'date', title: labels.date },
        { field: 'progress', title: labels.progress },
      ],
    },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  };
}
