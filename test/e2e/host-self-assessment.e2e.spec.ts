import { createHash, randomUUID } from 'node:crypto';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/**
 * The host city's side of the self-assessment and its documents: a contributor reads only the entries
 * assigned to them; selfAssessmentProgress lists, per key factor and guide question, what submit would
 * refuse; an upload may replace an earlier document, which is retracted and kept as its history.
 */
describe("host city's self-assessment and documents, end to end", () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let other: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let coordinator: GraphqlClient;
  let contributor: GraphqlClient;
  let contributor2: GraphqlClient;
  let second: { id: string; email: string };
  let questions: Record<string, { id: string; position: number }[]>;

  const assign =
    'mutation($r: ID!, $k: ID!, $a: ID) { assignSelfAssessmentEntry(reviewId: $r, keyFactorId: $k, assigneeId: $a) { id version } }';
  const save = `mutation($r: ID!, $k: ID!, $input: SelfAssessmentEntryInput!, $v: Int) {
    saveSelfAssessmentEntry(reviewId: $r, keyFactorId: $k, input: $input, expectedVersion: $v) { id version updatedBy { fullName } assignee { fullName } }
  }`;
  const entries = 'query($r: ID!) { review(id: $r) { selfAssessment { keyFactorId narrative assignee { fullName } } } }';
  const progress = `query($r: ID!) { selfAssessmentProgress(reviewId: $r) {
    reviewId submittedAt readyToSubmit onlyAssigned
    keyFactors { keyFactorId keyFactor { code } complete hasEntry ratingMissing missing status assigneeId unansweredGuideQuestions { id position } }
  } }`;
  const submit = 'mutation($r: ID!) { submitSelfAssessment(reviewId: $r) { id selfAssessmentSubmittedAt } }';
  const documents = `query($r: ID!, $all: Boolean) { reviewDocuments(reviewId: $r, includeRetracted: $all) {
    id title sha256 replacesDocumentId retractedAt retractionReason addedBy { fullName }
  } }`;

  const token = (client: GraphqlClient) => client.token!;
  async function upload(client: GraphqlClient, fields: Record<string, string>, bytes: Buffer, reviewId = f.reviewId) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), `${fields.title}.pdf`);
    const response = await fetch(`${t.url}/reviews/${reviewId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(client)}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'SELF_ASSESSMENT', scope: [1, 2, 3] });
    other = await createReviewFixture(t.dataSource, { status: 'SELF_ASSESSMENT', scope: [1] });
    second = await createPerson(t.dataSource, { fullName: 'Dora Department' });
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'HOST_CONTRIBUTOR')", [
      f.reviewId,
      second.id,
    ]);
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    contributor = await t.gql.signIn(f.people.contributor.email, TEST_PASSWORD);
    contributor2 = await t.gql.signIn(second.email, TEST_PASSWORD);
    questions = {};
    for (const k of f.keyFactors) {
      questions[k.id] = await t.dataSource.query('SELECT id, position FROM guide_question WHERE key_factor_id = $1 ORDER BY position', [
        k.id,
      ]);
    }
  });
  afterAll(() => t?.close());

  it('a host contributor reads only the entries assigned to them; the coordinator and the team read all', async () => {
    const [kf1, kf2, kf3] = f.keyFactors;
    await coordinator.ok(assign, { r: f.reviewId, k: kf1.id, a: f.people.contributor.id });
    await coordinator.ok(assign, { r: f.reviewId, k: kf2.id, a: second.id });
    await coordinator.ok(save, { r: f.reviewId, k: kf3.id, input: { narrative: 'Written by the coordinator.' } });
    const saved = await contributor.ok(save, { r: f.reviewId, k: kf1.id, input: { narrative: 'Our narrative.' }, v: 2 });
    expect(saved.saveSelfAssessmentEntry).toMatchObject({ version: 3, updatedBy: { fullName: 'Carl Contributor' } });
    expect(saved.saveSelfAssessmentEntry.assignee).toEqual({ fullName: 'Carl Contributor' });

    const seen = async (client: GraphqlClient) =>
      ((await client.ok(entries, { r: f.reviewId })).review.selfAssessment as { keyFactorId: string }[]).map((e) => e.keyFactorId).sort();
    expect(await seen(contributor)).toEqual([kf1.id]);
    expect(await seen(contributor2)).toEqual([kf2.id]);
    expect(await seen(coordinator)).toEqual([kf1.id, kf2.id, kf3.id].sort());
    expect(await seen(leader)).toEqual([kf1.id, kf2.id, kf3.id].sort());

    // Their progress too: only the assigned key factors, and saying so.
    const mine = (await contributor.ok(progress, { r: f.reviewId })).selfAssessmentProgress;
    expect(mine.onlyAssigned).toBe(true);
    expect(mine.keyFactors.map((k: { keyFactorId: string }) => k.keyFactorId)).toEqual([kf1.id]);
    // Writing to another's entry stays refused.
    const refused = await contributor.request(save, { r: f.reviewId, k: kf2.id, input: { narrative: 'Not mine.' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Unassigning an entry takes it away from the contributor.
    await coordinator.ok(assign, { r: f.reviewId, k: kf2.id, a: null });
    expect(await seen(contributor2)).toEqual([]);
    await coordinator.ok(assign, { r: f.reviewId, k: kf2.id, a: second.id });
  });

  it('selfAssessmentProgress lists per key factor and guide question what submit refuses, and submit succeeds once nothing is missing', async () => {
    const [kf1, kf2, kf3] = f.keyFactors;
    const before = (await coordinator.ok(progress, { r: f.reviewId })).selfAssessmentProgress;
    expect(before).toMatchObject({ reviewId: f.reviewId, submittedAt: null, readyToSubmit: false, onlyAssigned: false });
    expect(before.keyFactors.map((k: { keyFactor: { code: string } }) => k.keyFactor.code)).toEqual(f.keyFactors.map((k) => k.code));
    const first = before.keyFactors[0];
    expect(first).toMatchObject({
      complete: false,
      hasEntry: true,
      ratingMissing: true,
      status: 'DRAFT',
      assigneeId: f.people.contributor.id,
    });
    expect(first.unansweredGuideQuestions).toEqual(questions[kf1.id]);

    // The contributor answers all but the last question of key factor 1, and rates it.
    const kf1Questions = questions[kf1.id];
    await contributor.ok(save, {
      r: f.reviewId,
      k: kf1.id,
      input: { rating: 2, answers: kf1Questions.slice(0, -1).map((q) => ({ guideQuestionId: q.id, answer: `Answer ${q.position}` })) },
    });
    const during = (await coordinator.ok(progress, { r: f.reviewId })).selfAssessmentProgress;
    const last = kf1Questions[kf1Questions.length - 1];
    expect(during.keyFactors[0]).toMatchObject({
      complete: false,
      ratingMissing: false,
      unansweredGuideQuestions: [last],
      missing: [`guide question ${last.position} unanswered`],
    });

    // The refusal says the same as the progress did.
    const refused = await coordinator.request(submit, { r: f.reviewId });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.problems).toEqual(
      during.keyFactors
        .filter((k: { complete: boolean }) => !k.complete)
        .map((k: { keyFactor: { code: string }; missing: string[] }) => ({
          path: `keyFactor ${k.keyFactor.code}`,
          message: k.missing.join(', '),
        })),
    );

    // The coordinator completes everything; then it is ready, and submits.
    for (const k of [kf1, kf2, kf3]) {
      await coordinator.ok(save, {
        r: f.reviewId,
        k: k.id,
        input: { rating: 3, answers: questions[k.id].map((q) => ({ guideQuestionId: q.id, answer: `Full answer ${q.position}` })) },
      });
    }
    const ready = (await coordinator.ok(progress, { r: f.reviewId })).selfAssessmentProgress;
    expect(ready.readyToSubmit).toBe(true);
    expect(ready.keyFactors.every((k: { complete: boolean; missing: string[] }) => k.complete && k.missing.length === 0)).toBe(true);
    // A contributor may read progress but not submit.
    expect((await contributor.request(submit, { r: f.reviewId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { submitSelfAssessment } = await coordinator.ok(submit, { r: f.reviewId });
    expect(submitSelfAssessment.selfAssessmentSubmittedAt).toEqual(expect.any(String));
    const after = (await coordinator.ok(progress, { r: f.reviewId })).selfAssessmentProgress;
    expect(after).toMatchObject({ submittedAt: submitSelfAssessment.selfAssessmentSubmittedAt, readyToSubmit: false });
    expect(after.keyFactors.map((k: { status: string }) => k.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
  });

  it('selfAssessmentProgress is refused to a member of another review', async () => {
    const stranger = await t.gql.signIn(other.people.coordinator.email, TEST_PASSWORD);
    const result = await stranger.request(progress, { r: f.reviewId });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
  });

  it('an upload with replacesDocumentId is a new version: the earlier one is retracted with a reason, both kept, linked, audited', async () => {
    const v1 = pdf('strategy 2024');
    const first = await upload(coordinator, { title: 'Intercultural strategy', type: 'STRATEGY', keyFactorIds: f.keyFactors[0].id }, v1);
    expect(first.status).toBe(201);
    expect(first.body.sha256).toBe(sha256(v1));
    const byContributor = await upload(contributor, { title: 'Budget lines', type: 'OTHER' }, pdf('budget'));
    expect(byContributor.status).toBe(201);

    const list = (await contributor.ok(documents, { r: f.reviewId })).reviewDocuments;
    expect(list.map((d: { title: string; addedBy: { fullName: string } }) => [d.title, d.addedBy.fullName])).toEqual([
      ['Intercultural strategy', 'Coco Coordinator'],
      ['Budget lines', 'Carl Contributor'],
    ]);

    // Replacing retracts, so it takes the right to retract: a contributor may not, and nothing is stored.
    const count = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM document')).at(0).n);
    const rows = await count();
    const denied = await upload(
      contributor,
      { title: 'Strategy v2', type: 'STRATEGY', replacesDocumentId: first.body.id },
      pdf('strategy by contributor'),
    );
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    expect(await count()).toBe(rows);

    const v2 = pdf('strategy 2025');
    const replaced = await upload(
      coordinator,
      { title: 'Intercultural strategy (2025)', type: 'STRATEGY', keyFactorIds: f.keyFactors[0].id, replacesDocumentId: first.body.id },
      v2,
    );
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ replacesDocumentId: first.body.id, sha256: sha256(v2), retractedAt: null });

    const current = (await coordinator.ok(documents, { r: f.reviewId })).reviewDocuments;
    expect(current.map((d: { title: string }) => d.title)).toEqual(['Budget lines', 'Intercultural strategy (2025)']);
    const history = (await coordinator.ok(documents, { r: f.reviewId, all: true })).reviewDocuments;
    const old = history.find((d: { id: string }) => d.id === first.body.id);
    expect(old).toMatchObject({
      sha256: sha256(v1),
      retractedAt: expect.any(String),
      retractionReason: 'Replaced by a new version: "Intercultural strategy (2025)".',
    });
    // The earlier file is still there to read.
    const earlierFile = await fetch(`${t.url}/documents/${first.body.id}/file`, {
      headers: { authorization: `Bearer ${token(coordinator)}` },
    });
    expect(Buffer.from(await earlierFile.arrayBuffer())).toEqual(v1);
    const audit = await t.dataSource.query('SELECT action, entity_id FROM audit_entry WHERE entity_id = ANY($1) ORDER BY action', [
      [first.body.id, replaced.body.id],
    ]);
    expect(audit.map((a: { action: string; entity_id: string }) => [a.action, a.entity_id])).toEqual(
      expect.arrayContaining([
        ['document.replace', first.body.id],
        ['document.add', replaced.body.id],
      ]),
    );

    // A retracted version cannot be replaced again; nor a document of another review, nor a malformed id.
    const again = await upload(coordinator, { title: 'Again', type: 'STRATEGY', replacesDocumentId: first.body.id }, pdf('again'));
    expect(again.status).toBe(400);
    expect(again.body.problems).toEqual([
      { path: 'replacesDocumentId', message: expect.stringMatching(/was retracted on .*only a current document/) },
    ]);
    const elsewhereLeader = await t.gql.signIn(other.people.leader.email, TEST_PASSWORD);
    const elsewhere = await upload(elsewhereLeader, { title: 'Other review', type: 'OTHER' }, pdf('other'), other.reviewId);
    const foreign = await upload(coordinator, { title: 'Foreign', type: 'OTHER', replacesDocumentId: elsewhere.body.id }, pdf('foreign'));
    expect(foreign.body.problems).toEqual([
      { path: 'replacesDocumentId', message: `${elsewhere.body.id} is not a document of this review` },
    ]);
    const unknown = randomUUID();
    const missing = await upload(coordinator, { title: 'Unknown', type: 'OTHER', replacesDocumentId: unknown }, pdf('unknown'));
    expect(missing.body.problems).toEqual([{ path: 'replacesDocumentId', message: `${unknown} is not a document of this review` }]);
    const malformed = await upload(coordinator, { title: 'Malformed', type: 'OTHER', replacesDocumentId: 'nope' }, pdf('nope'));
    expect(malformed.status).toBe(400);
    expect(await count()).toBe(rows + 2);
  });

  it('two replacements of the same document at once: one wins, the other is refused, and the history stays a line', async () => {
    const base = await upload(coordinator, { title: 'Minutes', type: 'MINUTES' }, pdf('minutes v1'));
    const [a, b] = await Promise.all([
      upload(coordinator, { title: 'Minutes A', type: 'MINUTES', replacesDocumentId: base.body.id }, pdf('minutes a')),
      upload(leader, { title: 'Minutes B', type: 'MINUTES', replacesDocumentId: base.body.id }, pdf('minutes b')),
    ]);
    // The loser is refused whichever check sees the winner first: the upload's (400) or the locked row's (409).
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(201);
    expect([400, 409]).toContain(statuses[1]);
    const successors = await t.dataSource.query('SELECT title FROM document WHERE replaces_document_id = $1', [base.body.id]);
    expect(successors).toHaveLength(1);
  });
});
