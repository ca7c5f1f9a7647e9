import type { TopLevelSpec } from 'vega-lite';

export interface EvidenceSourceCount {
  /** Key factor code, e.g. "04". */
  code: string;
  heading: string;
  /** The type of source as the reader reads it (e.g. "Interviews"). */
  source: string;
  /** How many evidence items of this source the key factor has. */
  count: number;
}

/** One colour per type of source, the coverage board's (apps/web styles.css --s-*), so that every picture of evidence agrees. */
export const SOURCE_COLOURS: Record<string, string> = {
  INTERVIEW: '#1d4ed8',
  FOCUS_GROUP: '#7c3aed',
  OBSERVATION: '#0f766e',
  DOCUMENT: '#b45309',
  SELF_ASSESSMENT: '#6b7280',
};

/**
 * The evidence per key factor by type of source: one stacked bar per key factor, a segment per type
 * of source, in the order given by `sources` (the legend's order too). Counts only, no one's words.
 */
export function evidenceBySourceSpec(
  rows: EvidenceSourceCount[],
  sources: string[],
  labels: { keyFactor: string; count: string; source: string },
  /** A colour per entry of `sources` (e.g. from SOURCE_COLOURS); a standard scheme without. */
  colours?: string[],
): TopLevelSpec {
  const order = [...new Set(rows.map((r) => r.code))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: { step: 18 },
    data: {
      values: rows.filter((r) => r.count > 0).map((r) => ({ ...r, position: Math.max(0, sources.indexOf(r.source)) })),
    },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'code', type: 'nominal', title: labels.keyFactor, sort: order },
      x: { field: 'count', type: 'quantitative', stack: 'zero', title: labels.count, axis: { tickMinStep: 1 } },
      color: {
        field: 'source',
        type: 'nominal',
        title: labels.source,
        scale: colours ? { domain: sources, range: colours } : { domain: sources, scheme: 'tableau10' },
        legend: { orient: 'top', columns: Math.min(sources.length, 3) || 1 },
      },
      order: { field: 'position', type: 'ordinal' },
      tooltip: [
        { field: 'code', title: labels.keyFactor },
        { field: 'source', title: labels.source },
        { field: 'count', title: labels.count },
      ],
    },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  };
}
