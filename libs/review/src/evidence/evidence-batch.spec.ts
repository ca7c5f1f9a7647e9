import { CatalogueSeed } from '@peervisit/catalogue';
import { AppError, CurrentUser, DomainEventBus, EventPhase } from '@peervisit/platform';
import { countQueries, createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { ReviewModule } from '../review.module';
import { EvidenceSource, EvidenceStance } from './evidence.entity';
import { EvidenceInput } from './evidence.inputs';
import { EvidenceService, LogOutcome } from './evidence.service';

/**
 * logEvidenceBatch is one statement for the whole batch (issue #22), and answers, stores, audits and
 * announces exactly what logging the same items one by one does. Each case is run both ways, in two
 * reviews set up alike, and compared item by item, row by row, audit entry by audit entry.
 */
describe('EvidenceService.logBatch (an offline phone syncing)', () => {
  let t: TestApp;
  let service: EvidenceService;
  const announced: string[] = [];

  /** A review in the visit with an interview and a site visit; its peer. */
  const setUp = async (status = 'VISIT') => {
    const f = await createReviewFixture(t.dataSource, { status, scope: [1, 2, 3] });
    const session = async (kind: string) =>
      (
        await t.dataSource.query(
          `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id) VALUES ($1, $2, $4, '2027-03-10T10:00Z', '2027-03-10T11:00Z', $3) RETURNING id`,
          [f.reviewId, kind, f.people.leader.id, kind],
        )
      )[0].id as string;
    const peer: CurrentUser = { personId: f.people.peer.id, email: f.people.peer.email, isAdmin: false };
    return { f, peer, interview: await session('INTERVIEW'), siteVisit: await session('SITE_VISIT') };
  };
  type Review = Awaited<ReturnType<typeof setUp>>;

  /**
   * The items of a sync, for one review; `ids` are the client's ids (the k-th id of each review's list
   * plays the same part), `elsewhere` an id already stored in another review.
   */
  const sync = (r: Review, ids: string[], elsewhere: string): EvidenceInput[] => {
    const base = (id: string, overrides: Partial<EvidenceInput> = {}): EvidenceInput => ({
      id,
      source: EvidenceSource.INTERVIEW,
      sessionId: r.interview,
      keyFactorIds: [r.f.keyFactors[0].id],
      statement: `  Statement for ${ids.indexOf(id)}.  `,
      quote: 'As said.',
      stance: EvidenceStance.SUPPORTS,
      observedAt: '2027-03-10T10:15:00+01:00',
      ...overrides,
    });
    return [
      base(ids[0]),
      base(ids[1], { source: EvidenceSource.OBSERVATION, sessionId: undefined, quote: undefined, keyFactorIds: [r.f.keyFactors[1].id] }),
      base(ids[0]), // the same again in the same batch: ALREADY_THERE
      base(ids[0], { statement: 'Other content.' }), // CONFLICT
      base(ids[2], { keyFactorIds: [randomUUID()] }), // out of scope: INVALID
      base(ids[2]), // the same id, now valid: CREATED
      base('phone-item-7'), // not a UUID
      base(ids[3], { sessionId: 'not-a-session' }),
      base(ids[4], { sessionId: r.siteVisit }), // an interview from a site visit
      base(ids[5], { source: EvidenceSource.DOCUMENT, sessionId: undefined, documentId: randomUUID() }),
      base(ids[6], { statement: '   ', keyFactorIds: [] }), // two problems at once
      base(ids[7].toUpperCase(), { sessionId: r.interview.toUpperCase(), keyFactorIds: [r.f.keyFactors[2].id.toUpperCase()] }),
      base(ids[7]), // the same id in lower case, other content: CONFLICT
      base(elsewhere), // an id another review holds: CONFLICT
      base(ids[8], { observedAt: 'yesterday' }),
      base(ids[9], { keyFactorIds: [r.f.keyFactors[0].id, r.f.keyFactors[0].id, r.f.keyFactors[1].id] }),
    ];
  };

  /** What logging one by one answers: log() throws what a batch answers as INVALID or CONFLICT. */
  const oneByOne = async (user: CurrentUser, reviewId: string, items: EvidenceInput[]) => {
    const answers = [];
    for (const item of items) {
      try {
        answers.push(await service.log(user, reviewId, item));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const outcome = error.code === 'CONFLICT' ? LogOutcome.CONFLICT : LogOutcome.INVALID;
        answers.push({
          id: item.id.trim().toLowerCase(),
          outcome,
          evidence: null,
          message: error.message,
          problems: error.details.problems ?? [],
        });
      }
    }
    return answers;
  };

  /** An answer, the row and its audit entry with every id of the review replaced by its part. */
  const comparable = async (r: Review, ids: string[], answers: Awaited<ReturnType<EvidenceService['logBatch']>>) => {
    const names = new Map<string, string>([
      [r.f.reviewId, 'review'],
      [r.interview, 'interview'],
      [r.siteVisit, 'siteVisit'],
      [r.peer.personId, 'peer'],
      ...ids.map((id, k) => [id, `item${k}`] as [string, string]),
      ...r.f.keyFactors.map((k, n) => [k.id, `kf${n}`] as [string, string]),
    ]);
    const plain = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value).replace(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
          (id) => names.get(id.toLowerCase()) ?? 'other',
        ),
      );
    const rows = await t.dataSource.query(
      `SELECT e.id, e.source, e.session_id, e.document_id, e.stakeholder_category, e.key_factor_ids, e.statement, e.quote, e.stance, e.logged_by_id,
              e.observed_at, e.revision, a.actor_id, a.action, a.entity_type, a.after - 'recordedAt' AS after,
              a.after->>'recordedAt' = to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS audit_recorded_at_is_the_row_s
         FROM evidence e LEFT JOIN audit_entry a ON a.entity_id = e.id AND a.action = 'evidence.log'
        WHERE e.review_id = $1 ORDER BY e.statement, e.id`,
      [r.f.reviewId],
    );
    return plain({
      answers: answers.map((a) => ({ ...a, evidence: a.evidence && { ...a.evidence, recordedAt: undefined } })),
      rows,
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReviewModule] });
    await t.app.get(CatalogueSeed).run();
    service = t.app.get(EvidenceService);
    t.app.get(DomainEventBus).on('evidence.changed', EventPhase.AFTER_COMMIT, 'evidence-batch.spec', ({ evidence }) => {
      announced.push(evidence.id);
    });
  });
  afterAll(() => t?.close());

  it('answers, stores, audits and announces exactly what logging the items one by one does', async () => {
    const other = await setUp();
    const elsewhere = randomUUID();
    await service.log(other.peer, other.f.reviewId, {
      ...sync(other, [elsewhere, ...Array.from({ length: 9 }, () => randomUUID())], elsewhere)[0],
    });
    const [single, batched] = [await setUp(), await setUp()];
    const idsOf = () => Array.from({ length: 10 }, () => randomUUID());
    const [singleIds, batchIds] = [idsOf(), idsOf()];
    // One item of each list is stored before the sync (as from an earlier, unacknowledged attempt).
    await service.log(single.peer, single.f.reviewId, sync(single, singleIds, elsewhere)[15]);
    await service.log(batched.peer, batched.f.reviewId, sync(batched, batchIds, elsewhere)[15]);
    announced.length = 0;

    const expected = await oneByOne(single.peer, single.f.reviewId, sync(single, singleIds, elsewhere));
    const announcedOneByOne = announced.splice(0);
    const answers = await service.logBatch(batched.peer, batched.f.reviewId, sync(batched, batchIds, elsewhere));

    expect(answers.map((a) => a.outcome)).toEqual([
      'CREATED',
      'CREATED',
      'ALREADY_THERE',
      'CONFLICT',
      'INVALID',
      'CREATED',
      'INVALID',
      'INVALID',
      'INVALID',
      'INVALID',
      'INVALID',
      'CREATED',
      'CONFLICT',
      'CONFLICT',
      'INVALID',
      'ALREADY_THERE',
    ]);
    expect(answers[10].problems).toEqual([
      { path: 'statement', message: 'must not be empty' },
      { path: 'keyFactorIds', message: 'name at least one key factor the evidence bears on' },
    ]);
    const view = await comparable(batched, batchIds, answers);
    // Four items created by the sync and the one stored before it, each with its audit entry.
    expect(view.rows.map((row: { id: string; action: string }) => [row.id, row.action])).toEqual(
      ['item7', 'item0', 'item1', 'item2', 'item9'].map((id) => [id, 'evidence.log']),
    );
    expect(view).toEqual(await comparable(single, singleIds, expected));
    // One live event per item stored, in the batch's order.
    expect(announced).toEqual([batchIds[0], batchIds[1], batchIds[2], batchIds[7]]);
    expect(announcedOneByOne).toEqual([singleIds[0], singleIds[1], singleIds[2], singleIds[7]]);
  });

  it('refuses every item of a review that takes no evidence in its status, as one by one, and writes nothing', async () => {
    const [single, batched] = [await setUp('FEEDBACK'), await setUp('FEEDBACK')];
    const leaderOf = (r: Review): CurrentUser => ({ personId: r.f.people.leader.id, email: r.f.people.leader.email, isAdmin: false });
    const items = (r: Review) =>
      sync(
        r,
        Array.from({ length: 10 }, () => randomUUID()),
        randomUUID(),
      ).slice(0, 2);
    const expected = await oneByOne(leaderOf(single), single.f.reviewId, items(single));
    const answers = await service.logBatch(leaderOf(batched), batched.f.reviewId, items(batched));
    expect(answers.map(({ outcome, message, problems }) => ({ outcome, message, problems }))).toEqual(
      expected.map(({ outcome, message, problems }) => ({ outcome, message, problems })),
    );
    expect(answers[0]).toMatchObject({ outcome: 'INVALID', message: expect.stringContaining('it is FEEDBACK') });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE review_id = $1', [batched.f.reviewId]))[0].n).toBe(0);
  });

  it('costs one statement for the whole batch, whatever its size: the roles, then the batch; a retried id adds one lookup', async () => {
    const r = await setUp();
    const items = (n: number) =>
      sync(
        r,
        Array.from({ length: 10 }, () => randomUUID()),
        randomUUID(),
      )
        .slice(0, 1)
        .flatMap((i) => Array.from({ length: n }, () => ({ ...i, id: randomUUID() })));
    // The bound, from the code: access.require reads the caller's roles (1), insertBatchIfAllowed (1),
    // and the stored rows of ids already taken (1, only when there are any).
    for (const size of [1, 20, 200]) {
      const batch = items(size);
      const fresh = await countQueries(t.dataSource, () => service.logBatch(r.peer, r.f.reviewId, batch));
      expect(fresh.result.every((a) => a.outcome === 'CREATED')).toBe(true);
      expect(fresh.count).toBe(2);
      const retried = await countQueries(t.dataSource, () => service.logBatch(r.peer, r.f.reviewId, batch));
      expect(retried.result.every((a) => a.outcome === 'ALREADY_THERE')).toBe(true);
      expect(retried.count).toBe(3);
    }
  });
});
