import { PlanActionStatus, PlanActionTerm } from './plan-action.entity';
import { ActionFields, differences, isOverdue, planProgress, progressHistory, resolveAction, weightedProgress } from './plan.rules';

const { PLANNED, UNDER_WAY, DONE, DROPPED } = PlanActionStatus;
const host = (id: string) => id === 'host-1';
const existing: ActionFields = {
  description: 'Publish the statement',
  owner: 'Communications',
  responsibleId: 'host-1',
  startsOn: '2027-01-10',
  dueOn: '2027-06-30',
  term: PlanActionTerm.QUICK_WIN,
  status: PLANNED,
  dropReason: null,
  progress: 40,
  weight: 2,
};

describe('the development plan rules', () => {
  it('weights progress: dropped actions left out, a done action counts 100, none counted is null', () => {
    expect(
      weightedProgress([
        { status: UNDER_WAY, progress: 50, weight: 3 },
        { status: DONE, progress: 0, weight: 1 },
        { status: DROPPED, progress: 90, weight: 10 },
      ]),
    ).toBe(62.5);
    expect(weightedProgress([{ status: DROPPED, progress: 90, weight: 1 }])).toBeNull();
    expect(weightedProgress([])).toBeNull();
    expect(planProgress([62.5, 20, null])).toBe(41.3);
    expect(planProgress([null])).toBeNull();
  });

  it('merges the fields given, and lists every problem at once', () => {
    expect(resolveAction(existing, { progress: 60 }, host)).toEqual({ fields: { ...existing, progress: 60 }, problems: [] });
    expect(resolveAction(null, {}, host).problems.map((p) => p.path)).toEqual([
      'description',
      'owner',
      'responsibleId',
      'startsOn',
      'dueOn',
      'term',
    ]);
    expect(resolveAction(existing, { responsibleId: 'leader', dueOn: '2027-01-01', progress: 101, weight: 1.5 }, host).problems).toEqual([
      { path: 'responsibleId', message: 'must be a host coordinator or contributor of this review' },
      { path: 'dueOn', message: 'is before the start (2027-01-10)' },
      { path: 'progress', message: 'must be a whole number from 0 to 100' },
      { path: 'weight', message: 'must be a whole number from 1 to 100' },
    ]);
  });

  it('done means 100; dropped needs a reason, which goes when it is taken up again', () => {
    expect(resolveAction(existing, { status: DONE }, host).fields.progress).toBe(100);
    expect(resolveAction(existing, { status: DONE, progress: 80 }, host).problems).toEqual([
      { path: 'progress', message: 'a done action is at 100' },
    ]);
    expect(resolveAction(existing, { status: DROPPED }, host).problems).toEqual([
      { path: 'dropReason', message: 'say why the action is dropped' },
    ]);
    const dropped = resolveAction(existing, { status: DROPPED, dropReason: ' No budget ' }, host).fields;
    expect(dropped).toMatchObject({ status: DROPPED, dropReason: 'No budget' });
    expect(resolveAction(dropped, { status: UNDER_WAY }, host).fields.dropReason).toBeNull();
    expect(differences(existing, dropped)).toEqual({ status: { from: PLANNED, to: DROPPED }, dropReason: { from: null, to: 'No budget' } });
  });

  it('replays the history into the progress at the end of each day it changed', () => {
    const at = (iso: string) => new Date(iso);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(
      progressHistory(
        [
          { actionId: 'a', recommendationId: 'r1', status: PLANNED, progress: 0, weight: 1, changedAt: at('2027-01-10T09:00:00Z') },
          { actionId: 'b', recommendationId: 'r2', status: PLANNED, progress: 20, weight: 1, changedAt: at('2027-01-10T10:00:00Z') },
          { actionId: 'a', recommendationId: 'r1', status: UNDER_WAY, progress: 40, weight: 1, changedAt: at('2027-02-01T09:00:00Z') },
          { actionId: 'a', recommendationId: 'r1', status: UNDER_WAY, progress: 60, weight: 1, changedAt: at('2027-02-01T15:00:00Z') },
          { actionId: 'b', recommendationId: 'r2', status: DROPPED, progress: 20, weight: 1, changedAt: at('2027-03-01T09:00:00Z') },
        ],
        day,
      ),
    ).toEqual([
      { date: '2027-01-10', progress: 10 },
      { date: '2027-02-01', progress: 40 },
      { date: '2027-03-01', progress: 60 },
    ]);
  });

  it('an action is overdue after its due day unless done or dropped', () => {
    expect(isOverdue(existing, '2027-07-01')).toBe(true);
    expect(isOverdue(existing, '2027-06-30')).toBe(false);
    expect(isOverdue({ ...existing, status: DONE }, '2027-07-01')).toBe(false);
  });
});
