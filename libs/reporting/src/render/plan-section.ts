import { PlanActionStatus, PlanActionTerm } from '@peervisit/review/entities';
import { ReportModel } from '../model/report-model';
import { reportText } from './report-text';

/**
 * The development plan's section (issue 20), the same words and rows in every format: the HTML, PDF
 * and Word renderers each call these and draw them their own way, in the report version's language
 * (the `plan.*` texts of report-messages). The plan-progress chart beside it is drawn by
 * render/charts.ts with the report's other charts.
 */

/** English labels, for the data exports (CSV), which are in English. */
export const PLAN_STATUS_LABEL: Record<PlanActionStatus, string> = {
  PLANNED: 'Planned',
  UNDER_WAY: 'Under way',
  DONE: 'Done',
  DROPPED: 'Dropped',
};

export const PLAN_TERM_LABEL: Record<PlanActionTerm, string> = {
  QUICK_WIN: 'Quick win',
  LONGER_TERM: 'Longer term',
};

type Plan = NonNullable<ReportModel['plan']>;
type PlanRecommendation = Plan['recommendations'][number];

/** Relative column widths for the PDF and Word tables, in planTableHeader's order. */
export const PLAN_TABLE_WEIGHTS = [4, 2, 1.2, 1.8, 1.4, 1, 0.9];

export const planTitle = (language: string | undefined) => reportText(language).t('plan.title');

export const planTableHeader = (language: string | undefined) =>
  ['action', 'owner', 'term', 'dates', 'status', 'progress', 'weight'].map((column) => reportText(language).t(`plan.col.${column}`));

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const percent = (value: number | null, language: string | undefined) => {
  const { t } = reportText(language);
  return value === null ? t('plan.noActionCounted') : t('plan.percent', { value });
};

/** The paragraph under the title: the plan's progress and how it is counted. */
export function planIntro(plan: Plan, language: string | undefined): string {
  return reportText(language).t('plan.intro', { progress: percent(plan.progress, language) });
}

/** The heading of one recommendation's actions. */
export function planRecommendationHeading(r: PlanRecommendation, language: string | undefined): string {
  return reportText(language).t('plan.recommendationHeading', { ref: r.ref, text: r.text, progress: percent(r.progress, language) });
}

/** One row per action, in planTableHeader's order; dates as the language writes them. */
export function planRows(r: PlanRecommendation, language: string | undefined): string[][] {
  const T = reportText(language);
  return r.actions.map((a) => {
    const status = T.t(`plan.status.${a.status}`);
    return [
      a.description,
      a.owner,
      T.t(`plan.term.${a.term}`),
      T.t('plan.dates', { start: T.day(a.startsOn), due: T.day(a.dueOn) }),
      a.status === 'DROPPED' && a.dropReason ? T.t('plan.dropped', { status, reason: a.dropReason }) : status,
      T.t('plan.percent', { value: a.status === 'DONE' ? 100 : a.progress }),
      String(a.weight),
    ];
  });
}

/** The section as HTML (escaped), or '' without a plan. */
export function planSectionHtml(model: ReportModel): string {
  const plan = model.plan;
  if (!plan) return '';
  const language = model.language;
  const head = planTableHeader(language)
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const tables = plan.recommendations
    .map(
      (r) =>
        `<h3>${escapeHtml(planRecommendationHeading(r, language))}</h3>\n<table><caption>${escapeHtml(
          reportText(language).t('plan.caption', { ref: r.ref }),
        )}</caption><thead><tr>${head}</tr></thead><tbody>${planRows(r, language)
          .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
    )
    .join('\n');
  return `<section class="chapter" id="plan" aria-labelledby="plan-h">\n<h2 id="plan-h">${escapeHtml(planTitle(language))}</h2>\n<p>${escapeHtml(
    planIntro(plan, language),
  )}</p>\n${tables}\n</section>`;
}
