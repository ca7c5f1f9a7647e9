import { reportText } from '../render/report-text';
import { scoreText } from './index-report-charts';
import type { IndexGroupChartId } from './index-report-charts';
import type { IndexReportGroup, IndexReportModel } from './index-report-model';

/**
 * The Index report once, as a list of blocks in reading order, in the report's language; the HTML,
 * PDF and Word renderers each draw these blocks, so the three say the same thing.
 */
export type IndexBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; level: 1 | 2 | 3; newPage?: boolean }
  | { kind: 'para'; text: string; muted?: boolean; bold?: boolean }
  | { kind: 'meta'; items: [string, string][] }
  | { kind: 'bullets'; items: string[]; empty: string }
  | { kind: 'table'; caption: string; columns: { header: string; weight: number }[]; rows: string[][] }
  | { kind: 'figure'; id: IndexGroupChartId | 'index-history' };

export function indexReportTitle(model: IndexReportModel): string {
  return reportText(model.language).t('index.title', { city: model.city.name });
}

export function indexReportBlocks(model: IndexReportModel): IndexBlock[] {
  const T = reportText(model.language);
  const t = T.t;
  const score = (n: number | null) => scoreText(T, n);
  const { definition } = model;
  const blocks: IndexBlock[] = [
    { kind: 'title', text: indexReportTitle(model) },
    {
      kind: 'meta',
      items: [
        [t('index.cover.city'), `${model.city.name} (${model.city.country})`],
        [
          t('index.cover.definition'),
          t('index.cover.definitionValue', { title: definition.title, code: definition.code, version: definition.version }),
        ],
        [t('index.cover.published'), T.day(model.publishedOn)],
      ],
    },
  ];
  if (definition.illustrative) blocks.push({ kind: 'para', bold: true, text: definition.illustrativeNotice || t('index.illustrative') });

  // Scores
  blocks.push(
    { kind: 'heading', text: t('index.section.scores'), level: 1 },
    {
      kind: 'para',
      bold: true,
      text:
        model.overall !== model.overallComputed
          ? t('index.overallCorrected', { score: score(model.overall), computed: score(model.overallComputed) })
          : t('index.overall', { score: score(model.overall) }),
    },
    {
      kind: 'table',
      caption: t('index.scoresCaption'),
      columns: [
        { header: t('index.col.indicator'), weight: 4 },
        { header: t('index.col.weight'), weight: 1 },
        { header: t('index.col.computed'), weight: 1.2 },
        { header: t('index.col.score'), weight: 1.2 },
      ],
      rows: model.indicators.map((i) => [`${i.number} ${i.name}`, score(i.weight), score(i.computedScore), score(i.score)]),
    },
  );
  if (model.composites.length)
    blocks.push({
      kind: 'table',
      caption: t('index.compositesCaption'),
      columns: [
        { header: t('index.col.composite'), weight: 5 },
        { header: t('index.col.score'), weight: 1.2 },
      ],
      rows: model.composites.map((c) => [c.name, score(c.score)]),
    });

  // Indicators: corrections, comments, recommendations
  blocks.push({ kind: 'heading', text: t('index.section.indicators'), level: 1, newPage: true });
  for (const i of model.indicators) {
    blocks.push(
      { kind: 'heading', text: `${i.number} ${i.name}`, level: 2 },
      { kind: 'para', bold: true, text: t('index.indicatorScore', { score: score(i.score), computed: score(i.computedScore) }) },
    );
    for (const c of i.corrections)
      blocks.push({
        kind: 'para',
        text: t('index.correction', { computed: score(c.computedScore), score: score(c.score), day: T.day(c.on), reason: c.reason }),
      });
    blocks.push({ kind: 'heading', text: t('index.comment'), level: 3 });
    blocks.push(i.comment ? { kind: 'para', text: i.comment } : { kind: 'para', muted: true, text: t('index.noComment') });
    blocks.push(
      { kind: 'heading', text: t('index.recommendations'), level: 3 },
      { kind: 'bullets', items: i.recommendations, empty: t('index.noRecommendations') },
    );
  }
  blocks.push(
    { kind: 'heading', text: t('index.section.recommendations'), level: 2 },
    { kind: 'bullets', items: model.recommendations, empty: t('index.noRecommendations') },
  );

  // Comparison
  blocks.push({ kind: 'heading', text: t('index.section.comparison'), level: 1, newPage: true });
  const group = (heading: string, key: 'network' | 'similar' | 'foreignBorn', g: IndexReportGroup, figure: IndexGroupChartId) => {
    blocks.push({ kind: 'heading', text: heading, level: 2 });
    if (g.available)
      blocks.push({ kind: 'para', text: t(`index.${key}.available`, { count: g.comparableCities }) }, { kind: 'figure', id: figure });
    else
      blocks.push({ kind: 'para', muted: true, text: t(`index.${key}.unavailable`, { min: g.minimumCities, count: g.comparableCities }) });
  };
  group(t('index.network.heading'), 'network', model.network, 'index-network');
  group(t('index.similar.heading'), 'similar', model.similarSize, 'index-similar');
  group(t('index.foreignBorn.heading'), 'foreignBorn', model.similarForeignBorn, 'index-foreign-born');

  // History
  blocks.push({ kind: 'heading', text: t('index.section.history'), level: 1 });
  if (model.history.length < 2) blocks.push({ kind: 'para', muted: true, text: t('index.history.first') });
  else
    blocks.push(
      { kind: 'figure', id: 'index-history' },
      {
        kind: 'table',
        caption: t('index.history.caption'),
        columns: [
          { header: t('index.col.published'), weight: 2 },
          { header: t('index.col.version'), weight: 1 },
          { header: t('index.overallName'), weight: 1 },
        ],
        rows: model.history.map((h) => [
          h.current ? `${T.day(h.publishedOn)} ${t('index.current')}` : T.day(h.publishedOn),
          String(h.definitionVersion),
          score(h.overall),
        ]),
      },
    );

  // Credits
  blocks.push(
    { kind: 'heading', text: t('section.credits'), level: 1 },
    { kind: 'para', text: t('index.credits', { attribution: definition.attribution }) },
  );
  return blocks;
}
