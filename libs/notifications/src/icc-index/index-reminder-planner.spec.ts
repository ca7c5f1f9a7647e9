import { IndexAssessmentStatus } from '@peervisit/icc-index/entities';
import { IndexPlanInput, planIndexReminders } from './index-reminder-planner';

const person = (id: string) => ({ personId: id, email: `${id}@example.org` });
const base = (over: Partial<IndexPlanInput> = {}, assessment: Partial<IndexPlanInput['assessment']> = {}): IndexPlanInput => ({
  now: new Date('2027-01-01T12:00:00Z'),
  assessment: {
    id: 'a1',
    status: IndexAssessmentStatus.IN_PROGRESS,
    dueDate: '2027-03-01',
    analysisDueDate: '2027-05-03',
    publishedAt: null,
    timeZone: 'Europe/Oslo',
    ...assessment,
  },
  coordinator: person('coord'),
  anyOpen: true,
  contributorsWithOpen: [person('edu'), person('coord')],
  experts: [person('exp')],
  secretariat: [person('sec')],
  laterStarted: false,
  ...over,
});
const summary = (input: IndexPlanInput) =>
  planIndexReminders(input).map((m) => [m.dedupeKey.replace('icc-index-reminder:a1:', ''), m.template, m.dueAt.toISOString(), m.optional]);

describe('planIndexReminders', () => {
  it('while answered: each with open questions 14 and 3 days before 09:00 city time (the coordinator once), the secretariat the day after; the experts before the analysis', () => {
    // 2027-03-01 09:00 in Oslo is 08:00 UTC (winter time); 2027-05-03 09:00 is 07:00 UTC (summer time).
    expect(summary(base())).toEqual([
      ['answers:edu:14d', 'icc-index-due', '2027-02-15T08:00:00.000Z', true],
      ['answers:coord:14d', 'icc-index-due', '2027-02-15T08:00:00.000Z', true],
      ['answers:edu:3d', 'icc-index-due', '2027-02-26T08:00:00.000Z', true],
      ['answers:coord:3d', 'icc-index-due', '2027-02-26T08:00:00.000Z', true],
      ['answers-overdue:sec:-1d', 'icc-index-overdue', '2027-03-02T08:00:00.000Z', false],
      ['analysis:exp:7d', 'icc-index-due', '2027-04-26T07:00:00.000Z', true],
      ['analysis-overdue:sec:-1d', 'icc-index-overdue', '2027-05-04T07:00:00.000Z', false],
    ]);
  });

  it('nothing for the coordinator once every question is answered, and nothing whose moment passed over an hour ago', () => {
    const plan = summary(
      base({ anyOpen: false, contributorsWithOpen: [], now: new Date('2027-02-20T00:00:00Z') }, { analysisDueDate: null }),
    );
    expect(plan).toEqual([['answers-overdue:sec:-1d', 'icc-index-overdue', '2027-03-02T08:00:00.000Z', false]]);
  });

  it('in analysis: the experts and the secretariat only', () => {
    expect(summary(base({}, { status: IndexAssessmentStatus.ANALYSIS })).map((r) => r[0])).toEqual([
      'analysis:exp:7d',
      'analysis-overdue:sec:-1d',
    ]);
  });

  it('published: the secretariat and the coordinator 24 months on (the 29th of February falls on the 28th), unless a later Index started', () => {
    const published = base({}, { status: IndexAssessmentStatus.PUBLISHED, publishedAt: new Date('2028-02-29T10:00:00Z') });
    expect(summary(published)).toEqual([
      ['next:sec', 'icc-index-next', '2030-02-28T10:00:00.000Z', false],
      ['next:coord', 'icc-index-next', '2030-02-28T10:00:00.000Z', false],
    ]);
    expect(summary({ ...published, laterStarted: true })).toEqual([]);
  });
});
