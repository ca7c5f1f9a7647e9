import type { Problem } from '@peervisit/platform';
import { HostResponse } from '../recommendation/recommendation.entity';
import { PlanActionStatus, PlanActionTerm } from './plan-action.entity';

/**
 * The development plan's pure rules (no database), tested on their own in plan.rules.spec.ts.
 *
 * Progress, weighted: an action counts with its weight (1 to 100, default 1) and its progress (a DONE
 * action counts as 100 whatever was entered); DROPPED actions are left out. A recommendation's
 * progress is Σ weight × progress / Σ weight over its counted actions (none: no progress, null). The
 * plan's progress is the plain mean of its recommendations that have a progress, so that each
 * accepted recommendation weighs the same whatever the number of its actions.
 */

export const DESCRIPTION_MAX = 2000;
export const OWNER_MAX = 300;
export const NOTE_MAX = 2000;
export const WEIGHT_MAX = 100;

/** The answers that take a development plan. */
export const PLANNED_ANSWERS: readonly HostResponse[] = [HostResponse.ACCEPTED, HostResponse.PARTLY_ACCEPTED];
/** Statuses whose action is finished: no more reminders, not overdue. */
export const CLOSED_STATUSES: readonly PlanActionStatus[] = [PlanActionStatus.DONE, PlanActionStatus.DROPPED];

/** An action's fields as stored. */
export interface ActionFields {
  description: string;
  owner: string;
  responsibleId: string;
  startsOn: string;
  dueOn: string;
  term: PlanActionTerm;
  status: PlanActionStatus;
  dropReason: string | null;
  progress: number;
  weight: number;
}

export const ACTION_FIELDS: (keyof ActionFields)[] = [
  'description',
  'owner',
  'responsibleId',
  'startsOn',
  'dueOn',
  'term',
  'status',
  'dropReason',
  'progress',
  'weight',
];

/** What a caller gives: any field (adding needs the required ones; changing merges the ones given). */
export type ActionChanges = { [K in keyof ActionFields]?: ActionFields[K] | null };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD, or the problem with it. */
export function dateProblem(value: string | null | undefined): string | null {
  const m = DATE.exec(value?.trim() ?? '');
  if (!m) return `"${value ?? ''}" is not a date; write it as YYYY-MM-DD`;
  const [year, month, day] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return `${value} is not a calendar date`;
  return null;
}

/**
 * The action after the changes, and every problem with it at once. `existing` is null when adding:
 * then description, owner, responsible, dates and term are required, status defaults to PLANNED,
 * progress to 0 and weight to 1. `isHostMember` says whether a person may be responsible (a current
 * host coordinator or contributor of the review).
 */
export function resolveAction(
  existing: ActionFields | null,
  changes: ActionChanges,
  isHostMember: (personId: string) => boolean,
): { fields: ActionFields; problems: Problem[] } {
  const problems: Problem[] = [];
  const given = <K extends keyof ActionFields>(k: K) => changes[k] !== undefined && (changes[k] !== null || k === 'dropReason');
  const text = (k: 'description' | 'owner', max: number, what: string): string => {
    if (!given(k)) {
      if (!existing) problems.push({ path: k, message: `say ${what}` });
      return existing?.[k] ?? '';
    }
    const value = String(changes[k]).trim();
    if (!value) problems.push({ path: k, message: `say ${what}` });
    else if (value.length > max) problems.push({ path: k, message: `must be at most ${max} characters` });
    return value;
  };
  const description = text('description', DESCRIPTION_MAX, 'what will be done');
  const owner = text('owner', OWNER_MAX, 'which department or organisation owns it');

  let responsibleId = existing?.responsibleId ?? '';
  if (given('responsibleId')) {
    responsibleId = String(changes.responsibleId).trim().toLowerCase();
    if (!responsibleId) problems.push({ path: 'responsibleId', message: 'name the person responsible' });
    else if (!isHostMember(responsibleId))
      problems.push({ path: 'responsibleId', message: 'must be a host coordinator or contributor of this review' });
  } else if (!existing) problems.push({ path: 'responsibleId', message: 'name the person responsible' });

  const date = (k: 'startsOn' | 'dueOn'): string => {
    if (!given(k)) {
      if (!existing) problems.push({ path: k, message: k === 'startsOn' ? 'say when it starts' : 'say when it is due' });
      return existing?.[k] ?? '';
    }
    const value = String(changes[k]).trim();
    const problem = value ? dateProblem(value) : k === 'startsOn' ? 'say when it starts' : 'say when it is due';
    if (problem) problems.push({ path: k, message: problem });
    return value;
  };
  const startsOn = date('startsOn');
  const dueOn = date('dueOn');
  if (!dateProblem(startsOn) && !dateProblem(dueOn) && dueOn < startsOn)
    problems.push({ path: 'dueOn', message: `is before the start (${startsOn})` });

  let term = existing?.term ?? PlanActionTerm.QUICK_WIN;
  if (given('term')) {
    term = changes.term as PlanActionTerm;
    if (!Object.values(PlanActionTerm).includes(term))
      problems.push({ path: 'term', message: `must be one of ${Object.values(PlanActionTerm).join(', ')}` });
  } else if (!existing) problems.push({ path: 'term', message: 'say whether it is a quick win or longer term' });

  let status = existing?.status ?? PlanActionStatus.PLANNED;
  if (given('status')) {
    status = changes.status as PlanActionStatus;
    if (!Object.values(PlanActionStatus).includes(status))
      problems.push({ path: 'status', message: `must be one of ${Object.values(PlanActionStatus).join(', ')}` });
  }

  let dropReason = existing?.dropReason ?? null;
  if (given('dropReason')) dropReason = changes.dropReason?.trim() || null;
  if (status === PlanActionStatus.DROPPED) {
    if (!dropReason) problems.push({ path: 'dropReason', message: 'say why the action is dropped' });
    else if (dropReason.length > NOTE_MAX) problems.push({ path: 'dropReason', message: `must be at most ${NOTE_MAX} characters` });
  } else {
    if (given('dropReason') && dropReason)
      problems.push({ path: 'dropReason', message: 'only a dropped action has a reason to be dropped' });
    dropReason = null;
  }

  const integer = (k: 'progress' | 'weight', min: number, max: number, fallback: number): number => {
    if (!given(k)) return existing?.[k] ?? fallback;
    const value = Number(changes[k]);
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push({ path: k, message: `must be a whole number from ${min} to ${max}` });
    return value;
  };
  // A done action is finished: 100 unless the caller says otherwise (which is refused).
  const doneNow = status === PlanActionStatus.DONE && existing?.status !== PlanActionStatus.DONE;
  let progress = integer('progress', 0, 100, 0);
  if (doneNow && !given('progress')) progress = 100;
  if (status === PlanActionStatus.DONE && progress !== 100) problems.push({ path: 'progress', message: 'a done action is at 100' });
  const weight = integer('weight', 1, WEIGHT_MAX, 1);

  return { fields: { description, owner, responsibleId, startsOn, dueOn, term, status, dropReason, progress, weight }, problems };
}

/** { field: { from, to } } for the fields that differ (from null for a new action). */
export function differences(before: ActionFields | null, after: ActionFields): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of ACTION_FIELDS) {
    const from = before ? before[k] : null;
    if (from !== after[k]) changes[k] = { from, to: after[k] };
  }
  return changes;
}

export interface CountedAction {
  status: PlanActionStatus;
  progress: number;
  weight: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A recommendation's progress from its actions (module comment), or null when no action counts. */
export function weightedProgress(actions: CountedAction[]): number | null {
  const counted = actions.filter((a) => a.status !== PlanActionStatus.DROPPED);
  const total = counted.reduce((s, a) => s + a.weight, 0);
  if (!total) return null;
  return round1(counted.reduce((s, a) => s + a.weight * (a.status === PlanActionStatus.DONE ? 100 : a.progress), 0) / total);
}

/** The plan's progress: the mean of its recommendations' progress (those that have one), or null. */
export function planProgress(recommendationProgress: (number | null)[]): number | null {
  const known = recommendationProgress.filter((p): p is number => p !== null);
  return known.length ? round1(known.reduce((s, p) => s + p, 0) / known.length) : null;
}

/** One point of the plan's progress over time: the charts' PlanProgressPoint. */
export interface PlanProgressPoint {
  /** The day (YYYY-MM-DD, host city time). */
  date: string;
  /** The plan's progress at the end of that day, 0 to 100. */
  progress: number;
}

/**
 * The plan's progress at the end of each day on which it changed, oldest first, replayed from the
 * history (each change row holds the action's status, progress and weight after it). `dayOf` turns an
 * instant into the host city's day. Days on which no action counted are left out.
 */
export function progressHistory(
  changes: (CountedAction & { actionId: string; recommendationId: string; changedAt: Date })[],
  dayOf: (instant: Date) => string,
): PlanProgressPoint[] {
  const state = new Map<string, CountedAction & { recommendationId: string }>();
  const points: PlanProgressPoint[] = [];
  const sorted = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  sorted.forEach((change, i) => {
    state.set(change.actionId, change);
    const day = dayOf(change.changedAt);
    if (i + 1 < sorted.length && dayOf(sorted[i + 1].changedAt) === day) return;
    const byRecommendation = new Map<string, CountedAction[]>();
    for (const a of state.values()) byRecommendation.set(a.recommendationId, [...(byRecommendation.get(a.recommendationId) ?? []), a]);
    const progress = planProgress([...byRecommendation.values()].map(weightedProgress));
    if (progress !== null) points.push({ date: day, progress });
  });
  return points;
}

/** Whether an action is past its due day (both YYYY-MM-DD in the host city) and not finished. */
export function isOverdue(action: Pick<ActionFields, 'status' | 'dueOn'>, today: string): boolean {
  return !CLOSED_STATUSES.includes(action.status) && action.dueOn < today;
}
