import { IndexHistoryPoint, indexHistorySpec, IndexScoreRow, indexScoresSpec } from '@peervisit/charts';
import { chartSvg, RenderedChart, ReportChart } from '../render/charts';
import { reportText, ReportText } from '../render/report-text';
import type { IndexReportGroup, IndexReportModel } from './index-report-model';

// The Index report's charts: the same specs as the web app's results page (libs/charts), drawn by
// the report pipeline's chart renderer (SVG inline, PDF vectors, PNG for Word), each with its text
// alternative.

/** A score as the report writes it: one decimal at most, in the report's locale; "—" when none. */
export function scoreText(T: ReportText, score: number | null): string {
  return score === null ? '—' : new Intl.NumberFormat(T.locale, { maximumFractionDigits: 1 }).format(score);
}

/** Axis titles and legend entries of the Index charts, in the report's language. */
export function indexChartText(T: ReportText, city: string) {
  return {
    indicator: T.t('index.chart.indicator'),
    score: T.t('index.chart.score'),
    city,
    network: T.t('index.chart.network'),
    median: T.t('index.chart.median'),
    assessment: T.t('index.chart.assessment'),
    series: T.t('index.chart.series'),
    overall: T.t('index.overallName'),
  };
}

/**
 * The rows of the scores chart: the indicators, the composites and the overall Index, each with the
 * group's anonymous scores where the group gives them (the composites have none: the comparison
 * gives indicators and the overall Index).
 */
export function indexScoreRows(model: IndexReportModel, group: IndexReportGroup | null, overallName: string): IndexScoreRow[] {
  const of = (code: string) => group?.rows.find((r) => r.code === code);
  return [
    ...model.indicators.map((i) => ({
      code: i.code,
      name: `${i.number} ${i.name}`,
      cityScore: i.score,
      scores: of(i.code)?.scores ?? [],
      median: of(i.code)?.median ?? null,
    })),
    ...model.composites.map((c) => ({ code: c.code, name: c.name, cityScore: c.score, scores: [], median: null })),
    {
      code: 'OVERALL',
      name: overallName,
      cityScore: model.overall,
      scores: of('OVERALL')?.scores ?? [],
      median: of('OVERALL')?.median ?? null,
    },
  ];
}

/** A comparison group's chart, and the key of its texts in the report messages. */
const GROUP_CHARTS = { 'index-network': 'network', 'index-similar': 'similar', 'index-foreign-born': 'foreignBorn' } as const;
export type IndexGroupChartId = keyof typeof GROUP_CHARTS;

function groupChart(model: IndexReportModel, T: ReportText, id: IndexGroupChartId, group: IndexReportGroup): ReportChart {
  const text = indexChartText(T, model.city.name);
  const kind = GROUP_CHARTS[id];
  const compared = group.rows.filter((r) => r.cityScore !== null && r.median !== null);
  const above = compared.filter((r) => r.cityScore! > r.median!).length;
  const at = compared.filter((r) => r.cityScore === r.median).length;
  return {
    id,
    title: T.t(`index.chart.${kind}.title`, { city: model.city.name }),
    summary: T.t('index.chart.groupSummary', {
      city: model.city.name,
      count: compared.length,
      cities: group.comparableCities,
      above,
      at,
      below: compared.length - above - at,
    }),
    table: {
      caption: T.t(`index.chart.${kind}.caption`, { city: model.city.name }),
      columns: [text.indicator, model.city.name, T.t('index.col.min'), T.t('index.col.median'), T.t('index.col.max')],
      rows: group.rows.map((r) => [
        r.code === 'OVERALL' ? text.overall : r.name,
        scoreText(T, r.cityScore),
        scoreText(T, r.min),
        scoreText(T, r.median),
        scoreText(T, r.max),
      ]),
    },
    spec: indexScoresSpec(indexScoreRows(model, group, text.overall), {
      indicator: text.indicator,
      score: text.score,
      city: model.city.name,
      network: id === 'index-network' ? text.network : T.t(`index.chart.${kind}`),
      median: text.median,
    }),
  };
}

/** The charts that fit this report: a group's only from its minimum of cities on, the history from two assessments on. */
export function indexReportCharts(model: IndexReportModel): ReportChart[] {
  const T = reportText(model.language);
  const text = indexChartText(T, model.city.name);
  const charts: ReportChart[] = [];
  if (model.network.available) charts.push(groupChart(model, T, 'index-network', model.network));
  if (model.similarSize.available) charts.push(groupChart(model, T, 'index-similar', model.similarSize));
  if (model.similarForeignBorn.available) charts.push(groupChart(model, T, 'index-foreign-born', model.similarForeignBorn));
  const history = model.history.filter((h) => h.overall !== null);
  if (history.length >= 2) {
    const label = (h: IndexReportModel['history'][number]) => T.day(h.publishedOn);
    const points: IndexHistoryPoint[] = history.map((h, i) => ({
      id: String(i),
      series: text.overall,
      assessment: label(h),
      publishedAt: h.publishedOn,
      score: h.overall,
    }));
    charts.push({
      id: 'index-history',
      title: T.t('index.chart.history.title', { city: model.city.name }),
      summary: T.t('index.chart.history.summary', {
        city: model.city.name,
        count: history.length,
        first: scoreText(T, history[0].overall),
        firstDay: label(history[0]),
        last: scoreText(T, history.at(-1)!.overall),
        lastDay: label(history.at(-1)!),
      }),
      table: {
        caption: T.t('index.history.caption'),
        columns: [T.t('index.col.published'), T.t('index.col.version'), text.overall],
        rows: model.history.map((h) => [label(h), String(h.definitionVersion), scoreText(T, h.overall)]),
      },
      spec: indexHistorySpec(points, { assessment: text.assessment, score: text.score, series: text.series }),
    });
  }
  return charts;
}

/** Every chart of the Index report, drawn. */
export async function renderIndexReportCharts(model: IndexReportModel): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const chart of indexReportCharts(model)) out.push({ ...chart, ...(await chartSvg(chart.spec)) });
  return out;
}
