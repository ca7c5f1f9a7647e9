import type { TopLevelSpec } from 'vega-lite';

// Vega-Lite specs for ratings, as plain functions of plain data: no React, no DOM and no runtime
// import, so the report renderer on the server can build the same picture from the same rows.

export interface RatingRow {
  /** Key factor code, e.g. "04". */
  code: string;
  heading: string;
  selfRating: number | null;
  teamRating: number | null;
}

export interface RatingsChartLabels {
  self: string;
  team: string;
  keyFactor: string;
  rating: string;
}

/** The benchmark's scale, lowest to highest: the axis always spans all of it. */
export interface RatingScale {
  min: number;
  max: number;
}

/**
 * The self-assessment's rating against the team's, per key factor: a pair of bars per key factor,
 * on the whole rating scale, so a city that rates itself higher than the team shows at a glance.
 */
export function ratingsComparisonSpec(rows: RatingRow[], scale: RatingScale, labels: RatingsChartLabels): TopLevelSpec {
  const values = rows.flatMap((row) => [
    { code: row.code, heading: row.heading, who: labels.self, rating: row.selfRating },
    { code: row.code, heading: row.heading, who: labels.team, rating: row.teamRating },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: { step: 14 },
    data: { values: values.filter((v) => v.rating !== null) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'code', type: 'nominal', title: labels.keyFactor, sort: rows.map((r) => r.code) },
      yOffset: { field: 'who', sort: [labels.self, labels.team] },
      x: {
        field: 'rating',
        type: 'quantitative',
        title: labels.rating,
        scale: { domain: [Math.min(0, scale.min), scale.max] },
        axis: { tickMinStep: 1 },
      },
      color: {
        field: 'who',
        type: 'nominal',
        title: null,
        scale: { domain: [labels.self, labels.team], range: ['#9ca3af', '#1d4ed8'] },
        legend: { orient: 'top' },
      },
    },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  };
}

export interface HistoryPoint {
  code: string;
  /** The review, as the reader knows it (its title). */
  review: string;
  /** When the conclusion was agreed, ISO: orders the reviews. */
  agreedAt: string;
  rating: number | null;
}

/** A city's agreed ratings over its reviews: one line per key factor, the reviews in time order. */
export function ratingsHistorySpec(
  points: HistoryPoint[],
  scale: RatingScale,
  labels: { review: string; rating: string; keyFactor: string },
): TopLevelSpec {
  const reviews = [...new Map([...points].sort((a, b) => a.agreedAt.localeCompare(b.agreedAt)).map((p) => [p.review, p.agreedAt])).keys()];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: 200,
    data: { values: points.filter((p) => p.rating !== null) },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'review', type: 'ordinal', title: labels.review, sort: reviews },
      y: {
        field: 'rating',
        type: 'quantitative',
        title: labels.rating,
        scale: { domain: [Math.min(0, scale.min), scale.max] },
        axis: { tickMinStep: 1 },
      },
      color: { field: 'code', type: 'nominal', title: labels.keyFactor },
    },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  };
}

export interface NetworkRatingCount {
  /** Key factor code, e.g. "04". */
  code: string;
  heading: string;
  rating: number;
  /** How many agreed ratings of this level the key factor got across the network's reviews. */
  count: number;
}

/**
 * Ratings across the network's cities: per key factor, how many agreed ratings each level of the
 * scale got, as one stacked bar per key factor, the levels in the scale's order (lowest on the left).
 */
export function networkRatingsSpec(
  rows: NetworkRatingCount[],
  scale: { value: number; label: string }[],
  labels: { keyFactor: string; count: string; rating: string },
): TopLevelSpec {
  const levels = [...scale].sort((a, b) => a.value - b.value);
  const levelName = (rating: number) => {
    const level = levels.find((l) => l.value === rating);
    return level ? `${level.value} ${level.label}` : String(rating);
  };
  const name = (r: NetworkRatingCount) => `${r.code} ${r.heading}`;
  const order = [...new Set(rows.map(name))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: { step: 24 },
    data: {
      values: rows
        .filter((r) => r.count > 0)
        .map((r) => ({ ...r, keyFactor: name(r), level: levelName(r.rating), position: levels.findIndex((l) => l.value === r.rating) })),
    },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'keyFactor', type: 'nominal', title: labels.keyFactor, sort: order, axis: { labelLimit: 220 } },
      x: { field: 'count', type: 'quantitative', stack: 'zero', title: labels.count, axis: { tickMinStep: 1 } },
      color: {
        field: 'level',
        type: 'ordinal',
        title: labels.rating,
        scale: { domain: levels.map((l) => levelName(l.value)), scheme: 'viridis' },
        legend: { orient: 'top', columns: Math.min(levels.length, 5) || 1 },
      },
      order: { field: 'position', type: 'ordinal' },
      tooltip: [
        { field: 'keyFactor', title: labels.keyFactor },
        { field: 'level', title: labels.rating },
        { field: 'count', title: labels.count },
      ],
    },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  };
}
