import { PlanActionStatus, PlanActionTerm } from '@peervisit/review/entities';
import { ReportModel } from '../model/report-model';

/**
 * The development plan's section (issue 20), the same words and rows in every format: the HTML, PDF
 * and Word renderers each call these and draw them their own way. The plan-progress chart beside it
 * is drawn by render/charts.ts with the report's other charts.
 */

export const PLAN_TITLE = 'The development plan';

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

export const PLAN_TABLE_HEADER = ['Action', 'Owner', 'Term', 'Start – due', 'Status', 'Progress', 'Weight'];
/** Relative column widths for the PDF and Word tables. */
export const PLAN_TABLE_WEIGHTS = [4, 2, 1.2, 1.8, 1.4, 1, 0.9];

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const percent = (value: number | null) => (value === null ? 'no action counted' : `${value}%`);

/** The paragraph under the title: the plan's progress and how it is counted. */
export function planIntro(plan: NonNullable<ReportModel['plan']>): string {
  return (
    `The host city's actions on the recommendations it accepted or partly accepted. Overall progress: ${percent(plan.progress)}. ` +
    "A recommendation's progress is the weighted mean of its actions' progress (a done action counts as 100%, dropped actions are left out); " +
    'the overall progress is the mean of the recommendations.'
  );
}

/** The heading of one recommendation's actions. */
export function planRecommendationHeading(r: NonNullable<ReportModel['plan']>['recommendations'][number]): string {
  return `${r.ref} ${r.text} (${percent(r.progress)})`;
}

/** One row per action, in PLAN_TABLE_HEADER's order. */
export function planRows(r: NonNullable<ReportModel['plan']>['recommendations'][number]): string[][] {
  return r.actions.map((a) => [
    a.description,
    a.owner,
    PLAN_TERM_LABEL[a.term],
    `${a.startsOn} – ${a.dueOn}`,
    a.status === 'DROPPED' && a.dropReason ? `${PLAN_STATUS_LABEL[a.status]}: ${a.dropReason}` : PLAN_STATUS_LABEL[a.status],
    `${a.status === 'DONE' ? 100 : a.progress}%`,
    String(a.weight),
  ]);
}

/** The section as HTML (escaped), or '' without a plan. */
export function planSectionHtml(model: ReportModel): string {
  const plan = model.plan;
  if (!plan) return '';
  const head = PLAN_TABLE_HEADER.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const tables = plan.recommendations
    .map(
      (r) =>
        `<h3>${escapeHtml(planRecommendationHeading(r))}</h3>\n<table><caption>Actions on ${escapeHtml(r.ref)}</caption><thead><tr>${head}</tr></thead><tbody>${planRows(
          r,
        )
          .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
    )
    .join('\n');
  return `<section class="chapter" id="plan" aria-labelledby="plan-h">\n<h2 id="plan-h">${PLAN_TITLE}</h2>\n<p>${escapeHtml(planIntro(plan))}</p>\n${tables}\n</section>`;
}
