import {
  DistributionCount,
  evidenceBySourceSpec,
  EvidenceSourceCount,
  HistoryPoint,
  networkDistributionSpec,
  planProgressSpec,
  PlanProgressPoint,
  PlanProgressSeries,
  ratingsComparisonSpec,
  RatingRow,
  ratingsHistorySpec,
  SOURCE_COLOURS,
} from '@peervisit/charts';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model';
import { reportText, ReportText } from './report-text';

// The report's charts: the same Vega-Lite specs as the web app's (libs/charts), drawn on the server.
// Vega-Lite → Vega → a headless View → SVG; the HTML inlines the SVG, the PDF draws it as vectors
// (svg-to-pdfkit) and Word gets a PNG of the same SVG (resvg, WebAssembly). Each chart has a text
// alternative: a sentence, and its figures as a table.

/** A chart of the report, before drawing: what it shows, and the same figures in words and as a table. */
export interface ReportChart {
  id: 'ratings' | 'evidence' | 'history' | 'network' | 'plan' | 'index-network' | 'index-similar' | 'index-foreign-born' | 'index-history';
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

/** Axis titles, legend entries and table headers of the report's charts, in the report's language. */
export function chartText(T: ReportText) {
  return {
    keyFactor: T.t('chart.keyFactor'),
    self: T.t('chart.self'),
    team: T.t('chart.team'),
    /** Only in the chart (the PDF test looks for it in the text layer). */
    ratingAxis: T.t('chart.ratingAxis'),
    evidenceAxis: T.t('chart.evidenceAxis'),
    sourceLegend: T.t('chart.sourceLegend'),
    review: T.t('chart.review'),
    historyAxis: T.t('chart.historyAxis'),
    /** Only in the chart. */
    networkAxis: T.t('chart.networkAxis'),
    /** Only in the chart: the colour legend's title. */
    networkLegend: T.t('chart.networkLegend'),
    cities: T.t('chart.cities'),
    /** Only in the chart. */
    planAxis: T.t('chart.planAxis'),
    day: T.t('chart.day'),
    plan: T.t('chart.plan'),
  };
}

/** The English ones (report-messages/en.json). */
export const CHART_TEXT = chartText(reportText('en'));

const SOURCES = ['DOCUMENT', 'INTERVIEW', 'FOCUS_GROUP', 'OBSERVATION', 'SELF_ASSESSMENT'];
/** Above this many recommendations in the plan, the plan chart shows the plan's line only. */
const MAX_PLAN_SERIES = 7;

/** The charts that fit the follow-up report, in the order they appear, with their text alternatives, in the report's language. */
export function reportCharts(model: ReportModel): ReportChart[] {
  const T = reportText(model.language);
  const text = chartText(T);
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
    charts.push({
      id: 'ratings',
      title: T.t('chart.ratings.title'),
      summary: both.length
        ? T.t('chart.ratings.summaryCompared', {
            count: rows.length,
            min: scale.min,
            max: scale.max,
            both: both.length,
            lower: both.filter((r) => r.teamRating! < r.selfRating!).length,
            same: both.filter((r) => r.teamRating === r.selfRating).length,
            higher: both.filter((r) => r.teamRating! > r.selfRating!).length,
          })
        : T.t('chart.ratings.summary', { count: rows.length, min: scale.min, max: scale.max }),
      table: {
        caption: T.t('chart.ratings.caption'),
        columns: [text.keyFactor, text.self, T.t('chart.teamColumn')],
        rows: model.keyFactors.map((k) => [
          `${k.code} ${k.heading}`,
          k.selfAssessment ? T.ratingText(k.selfAssessment.rating) : '—',
          k.conclusion ? T.ratingText(k.conclusion.rating) : '—',
        ]),
      },
      spec: ratingsComparisonSpec(rows, scale, { self: text.self, team: text.team, keyFactor: text.keyFactor, rating: text.ratingAxis }),
    });
  }

  // Evidence per key factor by type of source (counts only).
  const sourceLabel = (source: string) => T.label('source', source);
  const counts: EvidenceSourceCount[] = model.keyFactors.flatMap((k) =>
    k.evidence.bySource.map((s) => ({ code: k.code, heading: k.heading, source: sourceLabel(s.source), count: s.count })),
  );
  const total = model.keyFactors.reduce((n, k) => n + k.evidence.total, 0);
  if (total > 0) {
    const sourceLabels = SOURCES.map(sourceLabel);
    const perSource = sourceLabels
      .map((label) => ({ label, count: counts.filter((c) => c.source === label).reduce((n, c) => n + c.count, 0) }))
      .filter((s) => s.count > 0);
    const most = [...model.keyFactors].sort((a, b) => b.evidence.total - a.evidence.total)[0];
    // Source names inside a sentence: lower case, but German nouns keep their capital.
    const inSentence = (label: string) => (T.language === 'de' ? label : label.toLocaleLowerCase(T.locale));
    charts.push({
      id: 'evidence',
      title: T.t('chart.evidence.title'),
      summary: T.t('chart.evidence.summary', {
        total,
        count: model.keyFactors.length,
        sources: new Intl.ListFormat(T.locale, { type: 'conjunction' }).format(perSource.map((s) => `${inSentence(s.label)} ${s.count}`)),
        code: most.code,
        most: most.evidence.total,
      }),
      table: {
        caption: T.t('chart.evidence.caption'),
        columns: [text.keyFactor, ...sourceLabels, T.t('chart.total')],
        rows: model.keyFactors.map((k) => [
          `${k.code} ${k.heading}`,
          ...SOURCES.map((s) => String(k.evidence.bySource.find((b) => b.source === s)?.count ?? 0)),
          String(k.evidence.total),
        ]),
      },
      spec: evidenceBySourceSpec(
        counts,
        sourceLabels,
        { keyFactor: text.keyFactor, count: text.evidenceAxis, source: text.sourceLegend },
        SOURCES.map((s) => SOURCE_COLOURS[s]),
      ),
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
      title: T.t('chart.history.title'),
      summary: T.t('chart.history.summary', {
        reviews: reviews.length,
        first: reviews[0],
        last: reviews.at(-1),
        up,
        down,
        rest: codes.length - up - down,
      }),
      table: {
        caption: T.t('chart.history.caption'),
        columns: [text.keyFactor, ...reviews],
        rows: codes.map((code) => [
          code,
          ...reviews.map((r) => {
            const rating = points.find((p) => p.code === code && p.review === r)?.rating;
            return rating === null || rating === undefined ? '—' : String(rating);
          }),
        ]),
      },
      spec: ratingsHistorySpec(points, scale, { review: text.review, rating: text.historyAxis, keyFactor: text.keyFactor }),
    });
  }

  const network = networkChart(model, T);
  if (network) charts.push(network);

  // The development plan's progress over time, a line per recommendation while the legend stays readable.
  const planned = model.plan?.recommendations ?? [];
  const series =
    planned.length > 1 && planned.length <= MAX_PLAN_SERIES ? planned.map((r) => ({ name: r.ref, points: r.progressHistory })) : [];
  const plan = planProgressChart(model.planProgress, series, T);
  if (plan) charts.push(plan);
  return charts;
}

/** The middle rating of a distribution (the lower middle for an even number of cities). */
function median(ratings: { rating: number; count: number }[]): number {
  const total = ratings.reduce((n, r) => n + r.count, 0);
  let seen = 0;
  for (const r of [...ratings].sort((a, b) => a.rating - b.rating)) {
    seen += r.count;
    if (seen * 2 >= total) return r.rating;
  }
  return NaN;
}

/**
 * The network's distribution per key factor with this city marked, when the model has one (the
 * loader gives only key factors that at least `minCities` cities rated: libs/review's rule).
 */
function networkChart(model: ReportModel, T: ReportText): ReportChart | null {
  const distribution = model.networkDistribution;
  if (!distribution) return null;
  const text = chartText(T);
  const city = model.cover.hostCity.name;
  const scale = model.executiveSummary.ratingScale.map((l) => ({ value: l.value, label: l.label }));
  const counts: DistributionCount[] = distribution.keyFactors.flatMap((k) =>
    k.ratings.map((r) => ({ code: k.keyFactorCode, heading: k.heading, rating: r.rating, count: r.count })),
  );
  const rated = distribution.keyFactors.filter((k) => k.cityRating !== null);
  const above = rated.filter((k) => k.cityRating! > median(k.ratings)).length;
  const at = rated.filter((k) => k.cityRating === median(k.ratings)).length;
  const fewest = Math.min(...distribution.keyFactors.map((k) => k.cities));
  const levels = [...new Set([...scale.map((l) => l.value), ...counts.map((c) => c.rating)])].sort((a, b) => a - b);
  const levelName = (value: number) => {
    const label = scale.find((l) => l.value === value)?.label;
    return label ? `${value} ${label}` : String(value);
  };
  const about = { fewest, count: distribution.keyFactors.length, city };
  return {
    id: 'network',
    title: T.t('chart.network.title', { city }),
    summary:
      (rated.length
        ? T.t('chart.network.summaryCompared', { ...about, rated: rated.length, above, at, below: rated.length - above - at })
        : T.t('chart.network.summary', about)) +
      ' ' +
      T.t('chart.network.withheld', { min: distribution.minCities }),
    table: {
      caption: T.t('chart.network.caption', { city }),
      columns: [text.keyFactor, text.cities, ...levels.map(levelName), city],
      rows: distribution.keyFactors.map((k) => [
        `${k.keyFactorCode} ${k.heading}`,
        String(k.cities),
        ...levels.map((l) => String(k.ratings.find((r) => r.rating === l)?.count ?? 0)),
        k.cityRating === null ? '—' : String(k.cityRating),
      ]),
    },
    spec: networkDistributionSpec(
      counts,
      distribution.keyFactors.map((k) => ({ code: k.keyFactorCode, rating: k.cityRating })),
      scale,
      { keyFactor: text.keyFactor, rating: text.networkAxis, city, cities: text.networkLegend },
    ),
  };
}

/**
 * The development plan's progress over time, with a line per recommendation when given (`R1`, ...),
 * once the plan has changed on at least two days (one point is not a trend).
 */
export function planProgressChart(
  points: PlanProgressPoint[],
  series: PlanProgressSeries[] = [],
  T: ReportText = reportText('en'),
): ReportChart | null {
  if (points.length < 2) return null;
  const text = chartText(T);
  const first = points[0];
  const last = points.at(-1)!;
  const number = new Intl.NumberFormat(T.locale, { maximumFractionDigits: 1 });
  const pct = (n: number) => `${number.format(n)} %`;
  return {
    id: 'plan',
    title: T.t('chart.plan.title'),
    summary: T.t('chart.plan.summary', {
      days: points.length,
      first: pct(first.progress),
      firstDay: T.day(first.date),
      last: pct(last.progress),
      lastDay: T.day(last.date),
    }),
    table: {
      caption: T.t('chart.plan.caption'),
      columns: [text.day, text.plan, ...series.map((s) => s.name)],
      rows: points.map((p) => [
        T.day(p.date),
        pct(p.progress),
        ...series.map((s) => {
          const point = [...s.points].reverse().find((q) => q.date <= p.date);
          return point ? pct(point.progress) : '—';
        }),
      ]),
    },
    spec: planProgressSpec(points, { date: text.day, progress: text.planAxis, plan: text.plan }, series),
  };
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
