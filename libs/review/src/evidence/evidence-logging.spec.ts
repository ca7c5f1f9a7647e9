import { CatalogueSeed } from '@peervisit/catalogue';
import { CurrentUser } from '@peervisit/platform';
import { countQueries, createPerson, createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { ReviewModule } from '../review.module';
import { EvidenceSource, EvidenceStance } from './evidence.entity';
import { EvidenceInput } from './evidence.inputs';
import { EvidenceService, LogOutcome } from './evidence.service';

/**
 * The logging hot path: one statement per new item (it reads the caller's roles and every fact the
 * rules need, and inserts the item with its audit entry only when they allow it), so the item and its
 * audit entry are stored together or not at all. A retry costs a second statement, to compare.
 */
describe('EvidenceService.log (the hot path a peer phone hits)', () => {
  let t: TestApp;
  let service: EvidenceService;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let peer: CurrentUser;
  let interviewId: string;
  let siteVisitId: string;

  const item = (overrides: Partial<EvidenceInput> = {}): EvidenceInput => ({
    id: randomUUID(),
    source: EvidenceSource.INTERVIEW,
    sessionId: interviewId,
    keyFactorIds: [f.keyFactors[0].id],
    statement: '  The budget line for the strategy survived the cuts.  ',
    quote: 'We would not cut this.',
    stance: EvidenceStance.SUPPORTS,
    observedAt: '2027-03-10T10:15:00+01:00',
    ...overrides,
  });
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReviewModule] });
    await t.app.get(CatalogueSeed).run();
    service = t.app.get(EvidenceService);
    f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1, 2, 3] });
    peer = { personId: f.people.peer.id, email: f.people.peer.email, isAdmin: false };
    const session = async (kind: string, hour: number) =>
      (
        await t.dataSource.query(
          `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [f.reviewId, kind, `${kind} at ${hour}`, `2027-03-10T${hour}:00:00Z`, `2027-03-10T${hour}:50:00Z`, f.people.leader.id],
        )
      )[0].id as string;
    interviewId = await session('INTERVIEW', 10);
    siteVisitId = await session('SITE_VISIT', 12);
  });
  afterAll(() => t?.close());

  it('stores a new item and its audit entry in one statement (roles, rules and both INSERTs), the audit snapshot being the row as stored', async () => {
    const input = item();
    const { count: statements, result } = await countQueries(t.dataSource, () => service.log(peer, f.reviewId, input));
    expect(result).toMatchObject({
      id: input.id,
      outcome: LogOutcome.CREATED,
      evidence: { statement: 'The budget line for the strategy survived the cuts.', revision: 1, loggedById: peer.personId },
    });
    expect(statements).toBe(1);
    const [row] = await t.dataSource.query('SELECT recorded_at, observed_at FROM evidence WHERE id = $1', [input.id]);
    expect(result.evidence!.recordedAt).toEqual(row.recorded_at);
    expect(row.observed_at.toISOString()).toBe('2027-03-10T09:15:00.000Z');
    const [audit] = await t.dataSource.query('SELECT actor_id, action, entity_type, after FROM audit_entry WHERE entity_id = $1', [
      input.id,
    ]);
    expect(audit).toMatchObject({ actor_id: peer.personId, action: 'evidence.log', entity_type: 'Evidence' });
    expect(audit.after).toEqual({
      id: input.id,
      reviewId: f.reviewId,
      source: 'INTERVIEW',
      sessionId: interviewId,
      documentId: null,
      stakeholderCategory: null,
      keyFactorIds: [f.keyFactors[0].id],
      statement: 'The budget line for the strategy survived the cuts.',
      quote: 'We would not cut this.',
      quotedStakeholderId: null,
      paraphrase: null,
      stance: 'SUPPORTS',
      loggedById: peer.personId,
      observedAt: '2027-03-10T09:15:00.000Z',
      recordedAt: row.recorded_at.toISOString(),
      revision: 1,
      retractedAt: null,
      retractedById: null,
      retractionReason: null,
    });
  });

  it('a retry of the same item writes nothing (no second row, no second audit entry); other content under that id is a CONFLICT', async () => {
    const input = item();
    await service.log(peer, f.reviewId, input);
    const [rows, audits] = [await count('evidence'), await count('audit_entry')];
    const { count: retryStatements, result: retried } = await countQueries(t.dataSource, () => service.log(peer, f.reviewId, { ...input }));
    expect(retryStatements).toBe(2);
    expect(retried).toMatchObject({ outcome: LogOutcome.ALREADY_THERE, evidence: { id: input.id, revision: 1 } });
    await expect(service.log(peer, f.reviewId, { ...input, statement: 'Something else.' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Evidence ${input.id} already exists with different content. To change it, edit it (editEvidence); to log something new, use a new id.`,
    });
    expect([await count('evidence'), await count('audit_entry')]).toEqual([rows, audits]);
  });

  it('takes ids in upper case as the same ids: stored and answered in lower case, and an identical retry is ALREADY_THERE', async () => {
    const input = item({
      id: randomUUID().toUpperCase(),
      sessionId: interviewId.toUpperCase(),
      keyFactorIds: [f.keyFactors[1].id.toUpperCase()],
    });
    const first = await service.log(peer, f.reviewId.toUpperCase(), input);
    expect(first).toMatchObject({
      id: input.id.toLowerCase(),
      outcome: LogOutcome.CREATED,
      evidence: { id: input.id.toLowerCase(), reviewId: f.reviewId, sessionId: interviewId, keyFactorIds: [f.keyFactors[1].id] },
    });
    const [audit] = await t.dataSource.query('SELECT after FROM audit_entry WHERE entity_id = $1', [input.id.toLowerCase()]);
    expect(audit.after).toMatchObject({ id: input.id.toLowerCase(), sessionId: interviewId, keyFactorIds: [f.keyFactors[1].id] });
    const retry = await service.log(peer, f.reviewId, input);
    expect(retry).toMatchObject({ id: input.id.toLowerCase(), outcome: LogOutcome.ALREADY_THERE });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE id = $1', [input.id.toLowerCase()]))[0].n).toBe(1);
  });

  it('refuses what breaks a rule, saying what to fix, and writes nothing', async () => {
    const [rows, audits] = [await count('evidence'), await count('audit_entry')];
    // Key factor 04 is in the benchmark but not in this review's scope (01-03).
    const [{ id: outside }] = await t.dataSource.query('SELECT id FROM key_factor WHERE benchmark_id = $1 AND number = 4', [f.benchmarkId]);
    await expect(service.log(peer, f.reviewId, item({ keyFactorIds: [outside] }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: [{ path: 'keyFactorIds', message: `not key factors in the review's scope: ${outside}` }] },
    });
    await expect(service.log(peer, f.reviewId, item({ sessionId: siteVisitId }))).rejects.toMatchObject({
      details: { problems: [{ path: 'sessionId', message: 'interview evidence cannot come from a site visit' }] },
    });
    await expect(service.log(peer, f.reviewId, item({ sessionId: randomUUID() }))).rejects.toMatchObject({
      details: { problems: [{ path: 'sessionId', message: 'not a session of this review' }] },
    });
    await expect(
      service.log(peer, f.reviewId, item({ source: EvidenceSource.DOCUMENT, sessionId: undefined, documentId: randomUUID() })),
    ).rejects.toMatchObject({
      details: { problems: [{ path: 'documentId', message: 'not a document of this review' }] },
    });
    expect([await count('evidence'), await count('audit_entry')]).toEqual([rows, audits]);
  });

  it('refuses a caller who may not log (before saying anything about the review), and writes nothing', async () => {
    const [rows, audits] = [await count('evidence'), await count('audit_entry')];
    const stranger = await createPerson(t.dataSource, { fullName: 'Not On The Team' });
    const outsider = { personId: stranger.id, email: stranger.email, isAdmin: false };
    await expect(service.log(outsider, f.reviewId, item())).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You are not a member of this review.',
    });
    // Not even whether a review exists.
    await expect(service.log(outsider, randomUUID(), item())).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You are not a member of this review.',
    });
    const observer = { personId: f.people.observer.id, email: f.people.observer.email, isAdmin: false };
    await expect(service.log(observer, f.reviewId, item())).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Only the .* can do this; you are the /),
    });
    expect([await count('evidence'), await count('audit_entry')]).toEqual([rows, audits]);
  });

  it('refuses logging once the review has left the visit and deliberation, and writes nothing', async () => {
    const [rows, audits] = [await count('evidence'), await count('audit_entry')];
    const closed = await createReviewFixture(t.dataSource, { status: 'FEEDBACK' });
    const leader = { personId: closed.people.leader.id, email: closed.people.leader.email, isAdmin: false };
    await expect(
      service.log(
        leader,
        closed.reviewId,
        item({ source: EvidenceSource.OBSERVATION, sessionId: undefined, keyFactorIds: [closed.keyFactors[0].id] }),
      ),
    ).rejects.toMatchObject({
      // The single-item mutation answers every refused item as bad input, with the reason.
      code: 'BAD_USER_INPUT',
      message: 'Evidence can be logged while the review is in self-assessment, visit or deliberation; it is FEEDBACK.',
    });
    expect([await count('evidence'), await count('audit_entry')]).toEqual([rows, audits]);
  });
});
