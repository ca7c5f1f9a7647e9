import {
  evidenceBySourceSpec,
  EvidenceSourceCount,
  HistoryPoint,
  ratingsComparisonSpec,
  RatingRow,
  ratingsHistorySpec,
} from '@peervisit/charts';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model';
import { ratingText, SOURCE_LABEL } from './report-text';

// The report's charts: the same Vega-Lite specs as the web app's (libs/charts), drawn on the server.
// Vega-Lite → Vega → a headless View → SVG; the HTML inlines the SVG, the PDF draws it as vectors
// (svg-to-pdfkit) and Word gets a PNG of the same SVG (resvg, WebAssembly). Each chart has a text
// alternative: a sentence, and its figures as a table.

/** A chart of the report, before drawing: what it shows, and the same figures in words and as a table. */
export interface ReportChart {
  id: 'ratings' | 'evidence' | 'history';
  /** The figure's caption. */
  title: string;
  /** The text alternative: one sentence with what the chart shows. */
  summary: string;
  /** The chart's figures, for the HTML table under the chart. */
  table: { caption: string; columns: string[]; rows: string[][] };
  spec: TopLevelSpec;
}

export interface RenderedChart extends ReportChart {
  svg: string;
  /** The SVG's size in CSS pixels. */
  width: number;
  height: number;
}

/** Axis titles, legend entries and table headers of the report's charts. */
export const CHART_TEXT = {
  keyFactor: 'Key factor',
  self: 'Self-assessment',
  team: 'Review team',
  /** Only in the chart (the PDF test looks for it in the text layer). */
  ratingAxis: 'Rating on the benchmark scale',
  evidenceAxis: 'Evidence items logged',
  sourceLegend: 'Type of source',
  review: 'Review',
  historyAxis: 'Agreed rating',
};

const SOURCES = Object.keys(SOURCE_LABEL);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listText = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The charts that fit the follow-up report, in the order they appear, with their text alternatives. */
export function reportCharts(model: ReportModel): ReportChart[] {
  const charts: ReportChart[] = [];
  const values = model.executiveSummary.ratingScale.map((l) => l.value);
  const scale = values.length ? { min: Math.min(...values), max: Math.max(...values) } : { min: 0, max: 4 };

  // Self-assessment against the team's rating, per key factor.
  const rows: RatingRow[] = model.keyFactors.map((k) => ({
    code: k.code,
    heading: k.heading,
    selfRating: k.selfAssessment?.rating.value ?? null,
    teamRating: k.conclusion?.rating.value ?? null,
  }));
  const both = rows.filter((r) => r.selfRating !== null && r.teamRating !== null);
  if (rows.some((r) => r.selfRating !== null || r.teamRating !== null)) {
    const lower = both.filter((r) => r.teamRating! < r.selfRating!).length;
    const same = both.filter((r) => r.teamRating === r.selfRating).length;
    const higher = both.filter((r) => r.teamRating! > r.selfRating!).length;
    charts.push({
      id: 'ratings',
      title: "The city's self-assessment and the review team's rating, per key factor",
      summary:
        `The city's self-assessment and the review team's rating for ${plural(rows.length, 'key factor')}, on a scale from ${scale.min} to ${scale.max}` +
        (both.length
          ? `: of the ${plural(both.length, 'key factor')} rated by both, the team rated ${lower} lower than the city, ${same} the same and ${higher} higher.`
          : '.'),
      table: {
        caption: 'Self-assessment and team rating per key factor',
        columns: [CHART_TEXT.keyFactor, 'Self-assessment', 'Team'],
        rows: model.keyFactors.map((k) => [
          `${k.code} ${k.heading}`,
          k.selfAssessment ? ratingText(k.selfAssessment.rating) : '—',
          k.conclusion ? ratingText(k.conclusion.rating) : '—',
        ]),
      },
      spec: ratingsComparisonSpec(rows, scale, {
        self: CHART_TEXT.self,
        team: CHART_TEXT.team,
        keyFactor: CHART_TEXT.keyFactor,
        rating: CHART_TEXT.ratingAxis,
      }),
    });
  }

  // Evidence per key factor by type of source (counts only).
  const counts: EvidenceSourceCount[] = model.keyFactors.flatMap((k) =>
    k.evidence.bySource.map((s) => ({ code: k.code, heading: k.heading, source: SOURCE_LABEL[s.source] ?? s.source, count: s.count })),
  );
  const total = model.keyFactors.reduce((n, k) => n + k.evidence.total, 0);
  if (total > 0) {
    const sourceLabels = SOURCES.map((s) => SOURCE_LABEL[s]);
    const perSource = sourceLabels
      .map((label) => ({ label, count: counts.filter((c) => c.source === label).reduce((n, c) => n + c.count, 0) }))
      .filter((s) => s.count > 0);
    const most = [...model.keyFactors].sort((a, b) => b.evidence.total - a.evidence.total)[0];
    charts.push({
      id: 'evidence',
      title: 'Evidence per key factor, by type of source',
      summary:
        `${plural(total, 'piece')} of evidence across ${plural(model.keyFactors.length, 'key factor')}, ` +
        `by type of source: ${listText(perSource.map((s) => `${s.label.toLowerCase()} ${s.count}`))}; ` +
        `key factor ${most.code} has the most (${most.evidence.total}).`,
      table: {
        caption: 'Evidence per key factor and type of source',
        columns: [CHART_TEXT.keyFactor, ...sourceLabels, 'Total'],
        rows: model.keyFactors.map((k) => [
          `${k.code} ${k.heading}`,
          ...SOURCES.map((s) => String(k.evidence.bySource.find((b) => b.source === s)?.count ?? 0)),
          String(k.evidence.total),
        ]),
      },
      spec: evidenceBySourceSpec(counts, sourceLabels, {
        keyFactor: CHART_TEXT.keyFactor,
        count: CHART_TEXT.evidenceAxis,
        source: CHART_TEXT.sourceLegend,
      }),
    });
  }

  // The city's ratings across its reviews, once there are at least two.
  const points: HistoryPoint[] = model.ratingsHistory.map((p) => ({
    code: p.keyFactorCode,
    review: p.review,
    agreedAt: p.agreedAt,
    rating: p.rating,
  }));
  const reviews = [...new Set(points.map((p) => p.review))];
  if (reviews.length >= 2) {
    const codes = model.keyFactors.map((k) => k.code).filter((code) => points.some((p) => p.code === code));
    const changes = codes.map((code) => {
      const rated = points.filter((p) => p.code === code && p.rating !== null);
      return { code, first: rated[0]?.rating ?? null, last: rated.at(-1)?.rating ?? null };
    });
    const up = changes.filter((c) => c.first !== null && c.last! > c.first).length;
    const down = changes.filter((c) => c.first !== null && c.last! < c.first).length;
    charts.push({
      id: 'history',
      title: "The city's agreed ratings across its reviews",
      summary:
        `The city's agreed ratings across ${plural(reviews.length, 'review')}, from ${reviews[0]} to ${reviews.at(-1)}: ` +
        `${plural(up, 'key factor')} rated higher in the latest review than in the first, ${down} lower and ${codes.length - up - down} unchanged or rated once.`,
      table: {
        caption: 'Agreed ratings per key factor and review',
        columns: [CHART_TEXT.keyFactor, ...reviews],
        rows: codes.map((code) => [
          code,
          ...reviews.map((r) => {
            const rating = points.find((p) => p.code === code && p.review === r)?.rating;
            return rating === null || rating === undefined ? '—' : String(rating);
          }),
        ]),
      },
      spec: ratingsHistorySpec(points, scale, {
        review: CHART_TEXT.review,
        rating: CHART_TEXT.historyAxis,
        keyFactor: CHART_TEXT.keyFactor,
      }),
    });
  }
  return charts;
}

// --- drawing ------------------------------------------------------------------------------------

interface Vega {
  vega: typeof VegaModule;
  vegaLite: typeof VegaLiteModule;
}
let loaded: Vega | undefined;

/**
 * vega and vega-lite are ES modules, and vega's Node build awaits at its top level (an optional
 * `canvas`), which neither `require` nor jest's CommonJS runtime can load. Both packages also ship
 * a self-contained UMD bundle for CommonJS users: those are loaded here, once per process.
 */
function loadVega(): Vega {
  if (loaded) return loaded;
  const umd = (file: string, deps: Record<string, unknown>) => {
    const module = { exports: {} as Record<string, unknown> };
    const require = (name: string) => {
      if (!(name in deps)) throw new Error(`${file} requires ${name}`);
      return deps[name];
    };
    new Function('exports', 'module', 'require', readFileSync(file, 'utf8'))(module.exports, module, require);
    return module.exports;
  };
  const vegaDir = dirname(require.resolve('vega/vega-schema.json'));
  const vega = umd(join(vegaDir, 'vega.js'), {}) as unknown as typeof VegaModule;
  const vegaLite = umd(join(dirname(require.resolve('vega-lite/vega-lite-schema.json')), 'vega-lite.min.js'), {
    vega,
  }) as unknown as typeof VegaLiteModule;
  loaded = { vega, vegaLite };
  return loaded;
}

/** A Vega-Lite spec drawn as an SVG document, headless (no DOM, no canvas). */
export async function chartSvg(spec: TopLevelSpec): Promise<{ svg: string; width: number; height: number }> {
  const { vega, vegaLite } = loadVega();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    if (!size) throw new Error('vega drew an SVG without a size');
    return { svg, width: Number(size[1]), height: Number(size[2]) };
  } finally {
    view.finalize();
  }
}

/** Every chart of the report, drawn. */
export async function renderReportCharts(model: ReportModel): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const chart of reportCharts(model)) out.push({ ...chart, ...(await chartSvg(chart.spec)) });
  return out;
}

let resvgReady: Promise<void> | undefined;
let fontBuffers: Uint8Array[] | undefined;

/**
 * The resvg WebAssembly module, set up once per process. resvg has no system fonts in WebAssembly:
 * it gets the report's own fonts (DejaVu Sans, as the PDF embeds), which cover European letters.
 */
function resvg(): Promise<void> {
  resvgReady ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  fontBuffers ??= [readFileSync(join(fonts, 'DejaVuSans.ttf')), readFileSync(join(fonts, 'DejaVuSans-Bold.ttf'))];
  return resvgReady;
}

/** The SVG as a PNG, `scale` times its size (for print). */
export async function chartPng(svg: string, scale = 2): Promise<Buffer> {
  await resvg();
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontBuffers: fontBuffers!, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  try {
    const image = renderer.render();
    const png = Buffer.from(image.asPng());
    image.free();
    return png;
  } finally {
    renderer.free();
  }
}
