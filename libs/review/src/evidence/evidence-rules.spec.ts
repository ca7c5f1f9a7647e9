import { CatalogueSeed } from '@peervisit/catalogue';
import { AppError, CurrentUser } from '@peervisit/platform';
import { createPerson, createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { ReviewAccessService } from '../access/review-access.service';
import { ReviewModule } from '../review.module';
import { EvidenceSource, EvidenceStance } from './evidence.entity';
import { EvidenceInput } from './evidence.inputs';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_RULES, EvidenceRule, FACTS_SELECT, FactsRow, factsOf, LoggingCaller, rulesWhere } from './evidence-rules';

/**
 * Each logging rule both ways, on PostgreSQL: its SQL condition alone and its TypeScript check alone,
 * on the same input and the same facts, refuse the same items; and the logging statement built from
 * the list refuses each of them, storing nothing.
 */
describe('evidence logging rules: the SQL condition and the check agree', () => {
  let t: TestApp;
  let service: EvidenceService;
  let access: ReviewAccessService;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let interviewId: string;
  let siteVisitId: string;
  let outsideScope: string;

  interface Case {
    /** The rule it breaks. */
    breaks: string;
    reviewId: string;
    input: EvidenceInput;
    user: CurrentUser;
  }
  const SQL_RULES = EVIDENCE_RULES.filter((r) => r.sql);
  const asUser = (person: { id: string; email: string }, isAdmin = false): CurrentUser => ({
    personId: person.id,
    email: person.email,
    isAdmin,
  });
  const callerOf = (c: Case): LoggingCaller => ({ user: c.user, reviewId: c.reviewId, checkRoles: true, access });
  const item = (overrides: Partial<EvidenceInput> = {}): EvidenceInput => ({
    id: randomUUID(),
    source: EvidenceSource.INTERVIEW,
    sessionId: interviewId,
    keyFactorIds: [f.keyFactors[0].id],
    statement: 'The budget line survived the cuts.',
    stance: EvidenceStance.SUPPORTS,
    ...overrides,
  });
  const factParams = (c: Case): unknown[] => [c.reviewId, c.input.sessionId ?? null, c.input.documentId ?? null, c.user.personId];

  /** The rule's SQL condition alone, evaluated on the facts row the logging statement reads. */
  const sqlHolds = async (rule: EvidenceRule, c: Case): Promise<boolean> => {
    const params = factParams(c);
    const condition = rulesWhere([rule], c.input, callerOf(c), params);
    const [row] = await t.dataSource.query(`WITH facts AS (${FACTS_SELECT}) SELECT (${condition}) IS TRUE AS holds FROM facts f`, params);
    return row.holds;
  };
  /** The rule's TypeScript check alone, on the same facts. */
  const checkHolds = async (rule: EvidenceRule, c: Case): Promise<boolean> => {
    const [row]: FactsRow[] = await t.dataSource.query(FACTS_SELECT, factParams(c));
    return rule.check(factsOf(row), c.input, callerOf(c)) === null;
  };
  const count = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM evidence'))[0].n as number;

  let valid: Case;
  let cases: Case[];

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReviewModule] });
    await t.app.get(CatalogueSeed).run();
    service = t.app.get(EvidenceService);
    access = t.app.get(ReviewAccessService);
    f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1, 2, 3] });
    const session = async (kind: string, hour: number) =>
      (
        await t.dataSource.query(
          'INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [f.reviewId, kind, `${kind} at ${hour}`, `2027-03-10T${hour}:00:00Z`, `2027-03-10T${hour}:50:00Z`, f.people.leader.id],
        )
      )[0].id as string;
    interviewId = await session('INTERVIEW', 10);
    siteVisitId = await session('SITE_VISIT', 12);
    [{ id: outsideScope }] = await t.dataSource.query('SELECT id FROM key_factor WHERE benchmark_id = $1 AND number = 4', [f.benchmarkId]);
    const feedback = await createReviewFixture(t.dataSource, { status: 'FEEDBACK' });
    const admin = await createPerson(t.dataSource, { fullName: 'Ada Admin' });
    const peer = asUser(f.people.peer);

    valid = { breaks: 'nothing', reviewId: f.reviewId, input: item(), user: peer };
    cases = [
      { breaks: 'the caller may log evidence in the review', reviewId: f.reviewId, input: item(), user: asUser(f.people.observer) },
      { breaks: 'the review exists', reviewId: randomUUID(), input: item(), user: asUser(admin, true) },
      {
        breaks: 'the review takes evidence in its status',
        reviewId: feedback.reviewId,
        input: item({ source: EvidenceSource.OBSERVATION, sessionId: undefined, keyFactorIds: [feedback.keyFactors[0].id] }),
        user: asUser(feedback.people.leader),
      },
      {
        breaks: "the key factors are in the review's scope",
        reviewId: f.reviewId,
        input: item({ keyFactorIds: [outsideScope] }),
        user: peer,
      },
      { breaks: 'the session named is one of the review', reviewId: f.reviewId, input: item({ sessionId: randomUUID() }), user: peer },
      {
        breaks: 'the session named is of a kind the source may come from',
        reviewId: f.reviewId,
        input: item({ sessionId: siteVisitId }),
        user: peer,
      },
      {
        breaks: 'the document named is one of the review (not retracted)',
        reviewId: f.reviewId,
        input: item({ source: EvidenceSource.DOCUMENT, sessionId: undefined, documentId: randomUUID() }),
        user: peer,
      },
    ];
  });
  afterAll(() => t?.close());

  it('has a case for every rule with an SQL condition (a new rule needs one here)', () => {
    expect(cases.map((c) => c.breaks).sort()).toEqual(SQL_RULES.map((r) => r.name).sort());
  });

  it('a valid item passes every rule both ways', async () => {
    for (const rule of EVIDENCE_RULES) {
      expect({ rule: rule.name, sql: rule.sql ? await sqlHolds(rule, valid) : true, check: await checkHolds(rule, valid) }).toEqual({
        rule: rule.name,
        sql: true,
        check: true,
      });
    }
  });

  it('each rule refuses its case both ways, and on every case each rule’s SQL and check give the same answer', async () => {
    for (const c of cases) {
      const verdicts = await Promise.all(
        SQL_RULES.map(async (rule) => ({ rule: rule.name, sql: await sqlHolds(rule, c), check: await checkHolds(rule, c) })),
      );
      expect({ case: c.breaks, ...verdicts.find((v) => v.rule === c.breaks) }).toEqual({
        case: c.breaks,
        rule: c.breaks,
        sql: false,
        check: false,
      });
      for (const v of verdicts) expect({ case: c.breaks, ...v, agree: v.sql === v.check }).toEqual({ case: c.breaks, ...v, agree: true });
    }
  });

  it('the logging statement built from the rules refuses each case, stores nothing, and says why', async () => {
    for (const c of cases) {
      const before = await count();
      const refusal = await service.log(c.user, c.reviewId, c.input).then(
        () => null,
        (error: unknown) => error,
      );
      expect({ case: c.breaks, refused: refusal instanceof AppError }).toEqual({ case: c.breaks, refused: true });
      expect(await count()).toBe(before);
    }
    // And the valid one is stored, by the same statement.
    await expect(service.log(valid.user, valid.reviewId, valid.input)).resolves.toMatchObject({ outcome: 'CREATED' });
  });
});
