import type { TopLevelSpec } from 'vega-lite';

/** How many of the network's cities got one rating on one key factor (aggregated: never a city's own row). */
export interface DistributionCount {
  /** Key factor code, e.g. "04". */
  code: string;
  heading: string;
  rating: number;
  /** Cities whose agreed rating on this key factor is `rating`. */
  count: number;
}

/** This city's agreed rating on a key factor: the one value of the chart that belongs to a city. */
export interface CityMark {
  code: string;
  rating: number | null;
}

export interface NetworkDistributionLabels {
  keyFactor: string;
  rating: string;
  /** The legend entry of the mark on this city's rating, e.g. "Lyon" or "This city". */
  city: string;
  /** The colour legend's title, e.g. "Cities". */
  cities: string;
}

/**
 * The network's distribution per key factor, with this city marked: a grid of key factors (rows) by
 * the levels of the rating scale (columns), each cell shaded and labelled with how many cities got
 * that rating, and this city's cell outlined. Every level of the scale has its column, even empty.
 * The caller passes only key factors with enough cities (the API withholds the others).
 */
export function networkDistributionSpec(
  counts: DistributionCount[],
  marks: CityMark[],
  scale: { value: number; label: string }[],
  labels: NetworkDistributionLabels,
): TopLevelSpec {
  const levels = [...scale].sort((a, b) => a.value - b.value);
  const levelName = (rating: number) => {
    const level = levels.find((l) => l.value === rating);
    return level ? `${level.value} ${level.label}` : String(rating);
  };
  const keyFactors = [...new Map(counts.map((c) => [c.code, `${c.code} ${c.heading}`])).entries()];
  const name = new Map(keyFactors);
  // One cell per key factor and level, zero included, so the grid is whole.
  const cells = keyFactors.flatMap(([code]) =>
    levels.map((l) => ({
      keyFactor: name.get(code)!,
      level: levelName(l.value),
      count: counts.filter((c) => c.code === code && c.rating === l.value).reduce((n, c) => n + c.count, 0),
      city: marks.some((m) => m.code === code && m.rating === l.value) ? labels.city : null,
    })),
  );
  const most = Math.max(1, ...cells.map((c) => c.count));
  const x = {
    field: 'level',
    type: 'ordinal' as const,
    title: labels.rating,
    sort: levels.map((l) => levelName(l.value)),
    // "2 Partly in place" on two lines: the value, then its label.
    axis: {
      labelAngle: 0,
      labelLimit: 0,
      labelExpr:
        "indexof(datum.label, ' ') > 0 ? [slice(datum.label, 0, indexof(datum.label, ' ')), slice(datum.label, indexof(datum.label, ' ') + 1)] : datum.label",
    },
  };
  const y = {
    field: 'keyFactor',
    type: 'nominal' as const,
    title: labels.keyFactor,
    sort: keyFactors.map(([, n]) => n),
    axis: { labelLimit: 220 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: { step: 104 },
    height: { step: 26 },
    data: { values: cells },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            title: labels.cities,
            scale: { scheme: 'blues', domainMin: 0 },
            legend: { orient: 'top', tickMinStep: 1, titleLimit: 0 },
          },
          tooltip: [
            { field: 'keyFactor', title: labels.keyFactor },
            { field: 'level', title: labels.rating },
            { field: 'count', title: labels.cities },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          // Light text on the darker half of the scale.
          color: { condition: { test: `datum.count > ${most / 2}`, value: '#ffffff' }, value: '#111827' },
        },
      },
      {
        // This city's rating: an outline on its cell, with its own legend entry.
        transform: [{ filter: 'datum.city !== null' }],
        mark: { type: 'rect', fill: null, strokeWidth: 3 },
        encoding: {
          stroke: {
            field: 'city',
            type: 'nominal',
            title: null,
            scale: { domain: [labels.city], range: ['#dc2626'] },
            legend: { orient: 'top' },
          },
        },
      },
    ],
    config: { font: 'system-ui, sans-serif', view: { stroke: null }, axis: { grid: false, domain: false, ticks: false } },
  };
}
