/**
 * The demo review in the visit: Rotterdam, five key factors, a two-day programme and a few dozen
 * evidence items. Pieter de Vries is a peer in Bergen's review and the host coordinator here: roles
 * are per review. Illustrative content, not a real review. Skipped when it already exists.
 */
import { INestApplicationContext } from '@nestjs/common';
import { GuideQuestion, KeyFactor } from '@peervisit/catalogue/entities';
import { StakeholderService } from '@peervisit/directory';
import { City, StakeholderCategory } from '@peervisit/directory/entities';
import { EvidenceService, ReviewService, SelfAssessmentService, VisitService } from '@peervisit/review';
import { EvidenceSource, EvidenceStance, Review, ReviewKind, ReviewRole, ReviewStatus, VisitSessionKind } from '@peervisit/review/entities';
import { createHash } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { demoCaller, joinTeam } from './demo-data';

export const DEMO_VISIT_TITLE = 'Rotterdam peer review 2026: promoting cultural diversity';

/** Stable ids for demo evidence, so re-running the seed could never double it. */
const demoId = (text: string) => {
  const h = createHash('sha256').update(`peervisit-demo:${text}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function loadDemoVisit(app: INestApplicationContext): Promise<'created' | 'exists'> {
  const dataSource = app.get(DataSource);
  if (await dataSource.getRepository(Review).existsBy({ title: DEMO_VISIT_TITLE })) return 'exists';
  const person = (email: string) => demoCaller(dataSource, email);
  const secretariat = await person('secretariat@example.org');
  const leader = await person('leader@example.org');
  const peer = await person('peer.milan@example.org');
  const coordinator = await person('peer.rotterdam@example.org');
  const rotterdam = await dataSource.getRepository(City).findOneByOrFail({ name: 'Rotterdam', country: 'NL' });
  const reviews = app.get(ReviewService);
  const selfAssessment = app.get(SelfAssessmentService);
  const visits = app.get(VisitService);
  const evidence = app.get(EvidenceService);
  const stakeholders = app.get(StakeholderService);

  const review = await reviews.create(secretariat, {
    title: DEMO_VISIT_TITLE,
    kind: ReviewKind.PEER_REVIEW,
    hostCityId: rotterdam.id,
    benchmarkCode: 'EUROCITIES-PCD',
    scopeKeyFactorNumbers: [1, 2, 3, 5, 8],
    timeline: {
      selfAssessmentDue: '2026-11-02T17:00',
      visitStart: '2026-11-23T08:30',
      visitEnd: '2026-11-24T18:00',
      conclusionsDue: '2026-12-15T17:00',
      reportDue: '2027-01-29T17:00',
      followUpCheckpoints: ['2027-05-24', '2027-11-24'],
    },
  });
  await joinTeam(app, secretariat, review.id, leader, ReviewRole.EXPERT_LEADER);
  await reviews.transition(leader, review.id, ReviewStatus.PREPARATION);
  await joinTeam(app, leader, review.id, peer, ReviewRole.PEER);
  await joinTeam(app, leader, review.id, coordinator, ReviewRole.HOST_COORDINATOR);
  await reviews.transition(leader, review.id, ReviewStatus.SELF_ASSESSMENT);

  const keyFactors = await reviews.keyFactorsInScope(review);
  const questions = await dataSource.getRepository(GuideQuestion).find({ where: { keyFactorId: In(keyFactors.map((k) => k.id)) } });
  for (const keyFactor of keyFactors) {
    await selfAssessment.save(coordinator, review.id, keyFactor.id, {
      answers: questions
        .filter((q) => q.keyFactorId === keyFactor.id)
        .map((q) => ({ guideQuestionId: q.id, answer: `Rotterdam's illustrative answer: ${q.text}` })),
      rating: (keyFactor.number % 3) + 2,
      narrative: `Rotterdam's illustrative self-assessment of "${keyFactor.heading.toLowerCase()}".`,
    });
  }
  await selfAssessment.submit(coordinator, review.id);
  await reviews.transition(leader, review.id, ReviewStatus.VISIT);

  const stakeholder = async (position: string, category: StakeholderCategory, name?: string) =>
    (await stakeholders.save({ cityId: rotterdam.id, position, category, name, consentToBeNamed: !!name })).id;
  const alderman = await stakeholder('Alderman for integration', StakeholderCategory.POLITICIAN);
  const director = await stakeholder('Director of social development', StakeholderCategory.CITY_OFFICIAL);
  const hr = await stakeholder('Head of HR, city administration', StakeholderCategory.CITY_OFFICIAL);
  const migrantCouncil = await stakeholder('Members of the migrant advisory council', StakeholderCategory.MIGRANT_ORGANISATION);
  const employers = await stakeholder('Local employers network', StakeholderCategory.BUSINESS, 'Ria Jansen');
  const journalist = await stakeholder('Editor, local newspaper', StakeholderCategory.MEDIA);

  const kf = (n: number) => keyFactors.find((k) => k.number === n) as KeyFactor;
  const both = [
    { personId: leader.personId, part: 'INTERVIEWER' as never },
    { personId: peer.personId, part: 'NOTE_TAKER' as never },
  ];
  const session = (
    kind: VisitSessionKind,
    title: string,
    start: string,
    end: string,
    keyFactorNumbers: number[],
    stakeholderIds: string[] = [],
    location = 'City hall, Coolsingel',
  ) =>
    visits.schedule(leader, review.id, {
      kind,
      title,
      start,
      end,
      location,
      keyFactorIds: keyFactorNumbers.map((n) => kf(n).id),
      assignments: both,
      stakeholderIds,
    });
  const s = {
    briefing: await session(
      VisitSessionKind.BRIEFING,
      'Opening briefing with the host coordinator',
      '2026-11-23T08:30',
      '2026-11-23T09:15',
      [],
    ),
    alderman: await session(
      VisitSessionKind.INTERVIEW,
      'Interview with the alderman for integration',
      '2026-11-23T09:30',
      '2026-11-23T10:30',
      [1, 2],
      [alderman],
    ),
    director: await session(
      VisitSessionKind.INTERVIEW,
      'Interview with the director of social development',
      '2026-11-23T11:00',
      '2026-11-23T12:00',
      [2, 3],
      [director],
    ),
    council: await session(
      VisitSessionKind.FOCUS_GROUP,
      'Focus group with the migrant advisory council',
      '2026-11-23T13:30',
      '2026-11-23T15:30',
      [1, 3, 5],
      [migrantCouncil],
      'Community centre, Afrikaanderwijk',
    ),
    teamDay1: await session(VisitSessionKind.TEAM_MEETING, 'Team debrief, day 1', '2026-11-23T16:30', '2026-11-23T17:30', []),
    hr: await session(VisitSessionKind.INTERVIEW, 'Interview with the head of HR', '2026-11-24T09:00', '2026-11-24T10:00', [8], [hr]),
    employers: await session(
      VisitSessionKind.FOCUS_GROUP,
      'Focus group with local employers',
      '2026-11-24T10:30',
      '2026-11-24T12:00',
      [5, 8],
      [employers],
    ),
    media: await session(
      VisitSessionKind.INTERVIEW,
      'Interview with a local editor',
      '2026-11-24T13:00',
      '2026-11-24T13:45',
      [1],
      [journalist],
    ),
    feedback: await session(
      VisitSessionKind.FEEDBACK_SESSION,
      'Feedback session with the city',
      '2026-11-24T16:00',
      '2026-11-24T17:30',
      [],
    ),
  };

  type Item = [keyof typeof s | null, EvidenceSource, StakeholderCategory | null, number[], EvidenceStance, string, string?];
  const { INTERVIEW, FOCUS_GROUP, OBSERVATION } = EvidenceSource;
  const { SUPPORTS, CONTRADICTS, NEUTRAL } = EvidenceStance;
  const items: Item[] = [
    [
      'alderman',
      INTERVIEW,
      StakeholderCategory.POLITICIAN,
      [1],
      SUPPORTS,
      'The council adopted a diversity statement in 2019 and the alderman refers to it in speeches.',
      'Diversity is part of who Rotterdam is.',
    ],
    [
      'alderman',
      INTERVIEW,
      StakeholderCategory.POLITICIAN,
      [1],
      NEUTRAL,
      'The statement is not yet on the city website in languages other than Dutch.',
    ],
    [
      'alderman',
      INTERVIEW,
      StakeholderCategory.POLITICIAN,
      [2],
      SUPPORTS,
      'A four-year integration strategy exists with named responsible departments.',
    ],
    [
      'alderman',
      INTERVIEW,
      StakeholderCategory.POLITICIAN,
      [2],
      CONTRADICTS,
      'Budget lines for the strategy are decided year by year, so long-term actions are uncertain.',
    ],
    [
      'director',
      INTERVIEW,
      StakeholderCategory.CITY_OFFICIAL,
      [2],
      SUPPORTS,
      'Each department reports yearly on the actions of the strategy it owns.',
    ],
    [
      'director',
      INTERVIEW,
      StakeholderCategory.CITY_OFFICIAL,
      [3],
      SUPPORTS,
      'The city commissions a yearly survey on experiences of discrimination.',
    ],
    [
      'director',
      INTERVIEW,
      StakeholderCategory.CITY_OFFICIAL,
      [3],
      NEUTRAL,
      'Data are broken down by district but not by migrant background for all services.',
    ],
    [
      'director',
      INTERVIEW,
      StakeholderCategory.CITY_OFFICIAL,
      [2, 3],
      CONTRADICTS,
      'Monitoring results are not discussed in the council committee.',
      'Nobody asks for the figures, to be honest.',
    ],
    [
      'council',
      FOCUS_GROUP,
      StakeholderCategory.MIGRANT_ORGANISATION,
      [1],
      CONTRADICTS,
      'Most participants had not heard of the diversity statement.',
    ],
    [
      'council',
      FOCUS_GROUP,
      StakeholderCategory.MIGRANT_ORGANISATION,
      [1],
      SUPPORTS,
      "Participants recognised the yearly diversity festival as the city's own initiative.",
    ],
    [
      'council',
      FOCUS_GROUP,
      StakeholderCategory.MIGRANT_ORGANISATION,
      [3],
      SUPPORTS,
      'The council received the survey results and commented on them.',
    ],
    [
      'council',
      FOCUS_GROUP,
      StakeholderCategory.MIGRANT_ORGANISATION,
      [5],
      SUPPORTS,
      'Migrant organisations co-design the neighbourhood programmes with the city.',
      'For the first time we were at the table from the start.',
    ],
    [
      'council',
      FOCUS_GROUP,
      StakeholderCategory.MIGRANT_ORGANISATION,
      [5],
      CONTRADICTS,
      'Small organisations cannot meet the reporting requirements of city grants.',
    ],
    [
      'council',
      FOCUS_GROUP,
      StakeholderCategory.MIGRANT_ORGANISATION,
      [5],
      NEUTRAL,
      'Meetings are held during working hours, which excludes some volunteers.',
    ],
    ['council', OBSERVATION, null, [1], SUPPORTS, 'Posters of the diversity festival hang in the community centre.'],
    [
      'hr',
      INTERVIEW,
      StakeholderCategory.CITY_OFFICIAL,
      [8],
      SUPPORTS,
      'Vacancies are published through migrant organisations as well as the usual channels.',
    ],
    [
      'hr',
      INTERVIEW,
      StakeholderCategory.CITY_OFFICIAL,
      [8],
      CONTRADICTS,
      'The share of staff with a migrant background falls sharply above middle management.',
    ],
    ['hr', INTERVIEW, StakeholderCategory.CITY_OFFICIAL, [8], SUPPORTS, 'Anonymous application was piloted in two departments.'],
    ['hr', INTERVIEW, StakeholderCategory.CITY_OFFICIAL, [8], NEUTRAL, 'The pilot has not been evaluated yet.'],
    ['employers', FOCUS_GROUP, StakeholderCategory.BUSINESS, [5], SUPPORTS, 'Employers joined a city-led network on inclusive hiring.'],
    ['employers', FOCUS_GROUP, StakeholderCategory.BUSINESS, [8], SUPPORTS, 'The city uses social criteria in some procurement contracts.'],
    [
      'employers',
      FOCUS_GROUP,
      StakeholderCategory.BUSINESS,
      [8],
      CONTRADICTS,
      'Smaller firms find the social criteria hard to document.',
      'We would need a consultant just to fill in the forms.',
    ],
    ['employers', FOCUS_GROUP, StakeholderCategory.BUSINESS, [5], NEUTRAL, 'The network meets twice a year; agendas are set by the city.'],
    [
      'media',
      INTERVIEW,
      StakeholderCategory.MEDIA,
      [1],
      SUPPORTS,
      'The city press office proactively offers stories about diversity initiatives.',
    ],
    ['media', INTERVIEW, StakeholderCategory.MEDIA, [1], CONTRADICTS, 'Press releases rarely include voices of migrant residents.'],
    [null, OBSERVATION, null, [2], SUPPORTS, 'The integration strategy is displayed at the entrance of the social development department.'],
    ['director', OBSERVATION, null, [3], NEUTRAL, 'The monitoring report shown was from two years ago.'],
    [
      'alderman',
      INTERVIEW,
      StakeholderCategory.POLITICIAN,
      [5],
      SUPPORTS,
      'The alderman meets the migrant advisory council four times a year.',
    ],
    [
      'hr',
      INTERVIEW,
      StakeholderCategory.CITY_OFFICIAL,
      [2, 8],
      SUPPORTS,
      "Diversity targets are part of the strategy's staffing chapter.",
    ],
    [
      'council',
      FOCUS_GROUP,
      StakeholderCategory.MIGRANT_ORGANISATION,
      [2],
      CONTRADICTS,
      'Participants did not know whom in the city to contact about the strategy.',
    ],
  ];
  const bySession = (key: keyof typeof s | null) => (key ? s[key] : null);
  const results = await evidence.logBatch(
    peer,
    review.id,
    items.map(([sessionKey, source, category, numbers, stance, statement, quote]) => {
      const at = bySession(sessionKey);
      return {
        id: demoId(`${DEMO_VISIT_TITLE}:${statement}`),
        source,
        sessionId: at?.id,
        stakeholderCategory: category ?? undefined,
        keyFactorIds: numbers.map((n) => kf(n).id),
        statement,
        quote,
        stance,
        observedAt: at ? new Date(at.startsAt.getTime() + 20 * 60000).toISOString() : undefined,
      };
    }),
  );
  const refused = results.filter((r) => r.outcome !== 'CREATED' && r.outcome !== 'ALREADY_THERE');
  if (refused.length) throw new Error(`Demo evidence refused: ${JSON.stringify(refused)}`);
  return 'created';
}
