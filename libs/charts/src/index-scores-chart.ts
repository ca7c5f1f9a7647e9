import type { TopLevelSpec } from 'vega-lite';

// The Intercultural Cities Index's charts (issue 23): scores are 0–100 per indicator, per composite
// and overall. The network's scores come anonymous (a list of numbers per row), never a city's name.

/** One row of the chart: an indicator, a composite or the overall Index. */
export interface IndexScoreRow {
  /** Indicator code, composite code or "OVERALL". */
  code: string;
  /** The row's label, e.g. "1 Commitment". */
  name: string;
  /** This city's score (0–100); null when not scored. */
  cityScore: number | null;
  /** The comparable cities' scores on this row, without names (empty when the network is not shown). */
  scores: number[];
  /** The network's median; null when not shown. */
  median: number | null;
}

export interface IndexScoresLabels {
  /** The row axis: "Indicator". */
  indicator: string;
  /** The score axis: "Score (0–100)". */
  score: string;
  /** The legend entry of this city's mark, e.g. "Lyon". */
  city: string;
  /** The legend entry of the network's scores, e.g. "Cities of the network". */
  network: string;
  /** The legend entry of the network's median. */
  median: string;
}

/**
 * The city's scores per indicator, composite and the overall Index on the 0–100 scale, and, on the
 * rows where the caller gives them, the network's scores (the range as a grey rule, each city a faint
 * dot, the median a tick) so that where the city stands shows at a glance.
 */
export function indexScoresSpec(rows: IndexScoreRow[], labels: IndexScoresLabels): TopLevelSpec {
  const order = rows.map((r) => r.name);
  const ranges = rows.filter((r) => r.scores.length).map((r) => ({ name: r.name, min: Math.min(...r.scores), max: Math.max(...r.scores) }));
  const dots = rows.flatMap((r) => r.scores.map((score) => ({ name: r.name, score, who: labels.network })));
  const medians = rows
    .filter((r) => r.median !== null && r.scores.length)
    .map((r) => ({ name: r.name, score: r.median, who: labels.median }));
  const city = rows.filter((r) => r.cityScore !== null).map((r) => ({ name: r.name, score: r.cityScore, who: labels.city }));
  const y = { field: 'name', type: 'nominal' as const, title: labels.indicator, sort: order, axis: { labelLimit: 260 } };
  const x = { field: 'score', type: 'quantitative' as const, title: labels.score, scale: { domain: [0, 100] } };
  const who = {
    field: 'who',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [labels.city, labels.network, labels.median], range: ['#dc2626', '#6b7280', '#111827'] },
    legend: { orient: 'top' as const, labelLimit: 0 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: { step: 22 },
    // Layers without data are left out: an empty mark container has a role but no name, which a
    // screen reader announces as an unnamed image (and the accessibility check refuses).
    layer: [
      ...(ranges.length
        ? [
            {
              data: { values: ranges },
              mark: { type: 'rule' as const, color: '#d1d5db', strokeWidth: 6 },
              encoding: {
                y,
                x: { ...x, field: 'min' },
                x2: { field: 'max' },
                tooltip: [{ field: 'name' }, { field: 'min' }, { field: 'max' }],
              },
            },
          ]
        : []),
      ...(dots.length
        ? [
            {
              data: { values: dots },
              mark: { type: 'circle' as const, size: 30, opacity: 0.5 },
              encoding: { y, x, color: who, tooltip: [{ field: 'name' }, { field: 'score', title: labels.network }] },
            },
          ]
        : []),
      ...(medians.length
        ? [
            {
              data: { values: medians },
              mark: { type: 'tick' as const, thickness: 2, size: 16 },
              encoding: { y, x, color: who, tooltip: [{ field: 'name' }, { field: 'score', title: labels.median }] },
            },
          ]
        : []),
      {
        data: { values: city },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 90 },
        encoding: { y, x, color: who, tooltip: [{ field: 'name' }, { field: 'score', title: labels.city }] },
      },
    ],
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  };
}

/** One published assessment of the city: its overall Index (and composites, when given). */
export interface IndexHistoryPoint {
  /** The assessment's id: two assessments published on the same day stay two points. */
  id: string;
  /** The line: "Overall Index" or a composite's name. */
  series: string;
  /** The assessment, as the reader knows it (its publication day). */
  assessment: string;
  /** ISO date of publication: orders the assessments. */
  publishedAt: string;
  score: number | null;
}

/** The city's scores over its own published assessments, on the 0–100 scale, in time order. */
export function indexHistorySpec(points: IndexHistoryPoint[], labels: { assessment: string; score: string; series: string }): TopLevelSpec {
  // The assessments in time order; a label shared by several (the same day) gets its rank, "(2)".
  const ids = [
    ...new Map([...points].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)).map((p) => [p.id, p.assessment])).entries(),
  ];
  const seen = new Map<string, number>();
  const name = new Map(
    ids.map(([id, label]) => {
      const nth = (seen.get(label) ?? 0) + 1;
      seen.set(label, nth);
      return [id, nth > 1 ? `${label} (${nth})` : label];
    }),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: 200,
    data: { values: points.filter((p) => p.score !== null).map((p) => ({ ...p, assessment: name.get(p.id) })) },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'assessment', type: 'ordinal', title: labels.assessment, sort: [...name.values()], axis: { labelAngle: 0 } },
      y: { field: 'score', type: 'quantitative', title: labels.score, scale: { domain: [0, 100] } },
      color: { field: 'series', type: 'nominal', title: labels.series, legend: { orient: 'top' } },
    },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  };
}
