import { randomUUID } from 'node:crypto';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp, waitForMail } from '@peervisit/testing';
import { personPseudonym, stakeholderPseudonym } from '@peervisit/review';
import { AppModule } from '../../apps/api/src/app.module';
import { mailSoFar, namesInMailSince, reportTexts as texts, requestReport as request } from './personal-data-outputs';

/** Every form of the erased stakeholder's and the erased peer's names: full, given name alone, surname alone, any case. */
const STAKEHOLDER_FORMS = /amira|haddad/i;
const PEER_FORMS = /jonas|lindqvist/i;

/**
 * The right to erasure (issue 21): the secretariat erases a stakeholder who had agreed to be named, and
 * a peer. Neither appears in any later report (HTML, PDF, Word), in any field the host city reads, or in
 * any email sent afterwards, in any form of their name; the substance of the evidence stays; the expert
 * leader is told which published version named them; the erasure record repeats nothing erased.
 */
describe('erasure, end to end', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  const as = {} as Record<'admin' | 'leader' | 'peer' | 'coordinator', GraphqlClient>;
  let stakeholderId: string;
  let sessionId: string;
  let published: { id: string; version: number };
  let peer: { id: string; email: string };
  let mailBefore: Set<string>;

  const eraseStakeholder =
    'mutation($id: ID!, $reason: String!) { eraseStakeholder(stakeholderId: $id, reason: $reason) { id pseudonym reason erasedById publishedReports { reviewId version language } } }';
  const erasePerson =
    'mutation($id: ID!, $reason: String!) { erasePerson(personId: $id, reason: $reason) { id pseudonym publishedReports { version } } }';
  const hostView = `query($r: ID!) {
    review(id: $r) { stakeholders { name position } team { person { fullName email } } }
    visitProgramme(reviewId: $r) { days { sessions { title stakeholders { name } } } }
    reviewConclusions(reviewId: $r) { summary strengths areasToDevelop }
    reviewRecommendations(reviewId: $r) { text suggestedOwner }
  }`;
  const requestReport = () => request(as.leader, f.reviewId);
  const reportTexts = (id: string) => texts(t, as.leader, id);

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1] });
    for (const who of ['leader', 'coordinator'] as const) as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    peer = await createPerson(t.dataSource, { fullName: 'Jonas Lindqvist' });
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER')", [f.reviewId, peer.id]);
    as.peer = await t.gql.signIn(peer.email, TEST_PASSWORD);
    as.admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);

    const [stakeholder] = await t.dataSource.query(
      `INSERT INTO stakeholder (name, position, category, consent_to_be_named, city_id)
       VALUES ('Amira Haddad', 'Chair of the migrant council', 'MIGRANT_ORGANISATION', true, $1) RETURNING id`,
      [f.city.id],
    );
    stakeholderId = stakeholder.id;
    const [session] = await t.dataSource.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
       VALUES ($1, 'INTERVIEW', 'Meeting Amira Haddad', '2027-03-10T10:00:00+01:00', '2027-03-10T11:00:00+01:00', $2) RETURNING id`,
      [f.reviewId, f.people.leader.id],
    );
    sessionId = session.id;
    await t.dataSource.query('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [sessionId, stakeholderId]);
    await t.dataSource.query(
      "INSERT INTO session_assignment (session_id, person_id, part) VALUES ($1, $2, 'INTERVIEWER'), ($1, $3, 'PARTICIPANT')",
      [sessionId, f.people.leader.id, f.people.observer.id],
    );
    // The observer already holds the session's invite, so a change to it sends them an update.
    await t.dataSource.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, due_at, message_id, status, sent_at)
       VALUES ($1, 'session-reminder', $2, $3, $4, $5, now() - interval '1 hour', $6, 'SENT', now() - interval '1 hour')`,
      [`t:${randomUUID()}`, f.people.observer.id, f.people.observer.email, f.reviewId, { sessionId }, `<${randomUUID()}@test>`],
    );
    await t.dataSource.query(
      `INSERT INTO evidence (id, review_id, source, session_id, key_factor_ids, statement, quote, stance, logged_by_id, observed_at)
       VALUES ($1, $2, 'INTERVIEW', $3, $4, 'Amira says waiting lists for language courses are six months long.', 'Haddad: we wait months', 'SUPPORTS', $5, now())`,
      [randomUUID(), f.reviewId, sessionId, [f.keyFactors[0].id], peer.id],
    );
    await t.dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, status, agreed_at)
       VALUES ($1, $2, 3, 'Amira Haddad and Jonas Lindqvist saw long waiting lists; Jonas wrote it down.', 'The council listens to HADDAD.', 'Shorter waits, as Amira asked.', 'AGREED', now())`,
      [f.reviewId, f.keyFactors[0].id],
    );
    await t.dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, suggested_owner, created_by_id)
       VALUES ($1, 'Fund more language courses, as Amira Haddad proposed.', $2, 'HIGH', 'QUICK_WIN', 'Office of Amira Haddad', $3)`,
      [f.reviewId, [f.keyFactors[0].id], f.people.leader.id],
    );
    // A change the peer made, in the audit trail by id.
    await t.dataSource.query(
      `INSERT INTO audit_entry (review_id, actor_id, action, entity_type, entity_id, after) VALUES ($1, $2, 'team.join', 'TeamMember', $2, $3)`,
      [f.reviewId, peer.id, { personId: peer.id, role: 'PEER' }],
    );
    published = await requestReport();
    await t.dataSource.query('UPDATE report SET published = true, published_at = now(), published_by_id = $2 WHERE id = $1', [
      published.id,
      f.people.leader.id,
    ]);
    // Before the erasure the report names her, as she agreed, and the team.
    const before = await reportTexts(published.id);
    expect(before.pdf).toMatch(/Amira Haddad/);
    expect(before.html).toMatch(/Jonas Lindqvist/);
  });

  afterAll(() => t?.close());

  it('refuses anyone but the secretariat, an erasure without a reason, and an administrator', async () => {
    expect((await as.leader.request(eraseStakeholder, { id: stakeholderId, reason: 'asked' })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const noReason = await as.admin.request(eraseStakeholder, { id: stakeholderId, reason: '  ' });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/say why/i) });
    const [admin] = await t.dataSource.query('SELECT id FROM person WHERE is_admin LIMIT 1');
    expect((await as.admin.request(erasePerson, { id: admin.id, reason: 'asked' })).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/administrator rights first/),
    });
    expect((await as.admin.request(erasePerson, { id: randomUUID(), reason: 'asked' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Nothing was written.
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM personal_data_erasure')).toEqual([{ n: 0 }]);
    expect((await t.dataSource.query('SELECT name FROM stakeholder WHERE id = $1', [stakeholderId]))[0].name).toBe('Amira Haddad');
  });

  it('erases the stakeholder: a pseudonym in the directory, her name withheld everywhere, the substance kept, the leader told', async () => {
    mailBefore = await mailSoFar();
    const { eraseStakeholder: erasure } = await as.admin.ok(eraseStakeholder, {
      id: stakeholderId,
      reason: 'Request of 28 November (ref. DP-17)',
    });
    expect(erasure).toMatchObject({
      pseudonym: stakeholderPseudonym(stakeholderId),
      reason: 'Request of 28 November (ref. DP-17)',
      publishedReports: [{ reviewId: f.reviewId, version: published.version, language: 'en' }],
    });
    expect(JSON.stringify(erasure)).not.toMatch(STAKEHOLDER_FORMS);
    expect((await as.admin.request(eraseStakeholder, { id: stakeholderId, reason: 'again' })).errors?.[0].extensions?.code).toBe(
      'CONFLICT',
    );

    const [evidence] = await t.dataSource.query('SELECT statement, quote FROM evidence WHERE review_id = $1', [f.reviewId]);
    expect(evidence).toEqual({
      statement: '[name withheld] says waiting lists for language courses are six months long.',
      quote: '[name withheld]: we wait months',
    });
    const mail = await waitForMail((m) => m.to === f.people.leader.email && /names someone whose data was erased/.test(m.subject), 30_000);
    expect(mail.text).toContain(`version ${published.version}`);
    expect(mail.text).not.toMatch(STAKEHOLDER_FORMS);
  });

  it('erases the peer: pseudonym, no address, no sign-in, name withheld; the leader is told again', async () => {
    const { erasePerson: erasure } = await as.admin.ok(erasePerson, { id: peer.id, reason: 'Left the network and asked' });
    expect(erasure).toMatchObject({ pseudonym: personPseudonym(peer.id), publishedReports: [{ version: published.version }] });
    const [person] = await t.dataSource.query('SELECT full_name, email, password_hash FROM person WHERE id = $1', [peer.id]);
    expect(person).toEqual({ full_name: personPseudonym(peer.id), email: `erased-${peer.id}@erased.invalid`, password_hash: null });
    // Their access token stops working at once, and their password no longer signs in.
    expect((await as.peer.request('{ me { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (
        await t.gql.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }', {
          e: peer.email,
          p: TEST_PASSWORD,
        })
      ).errors,
    ).toBeDefined();
    // The audit trail names them by id, resolved when read: the pseudonym now.
    const { review } = await as.leader.ok(
      'query($r: ID!) { review(id: $r) { auditTrail(first: 100) { nodes { action actorName mentions { kind name } } } } }',
      { r: f.reviewId },
    );
    const joined = review.auditTrail.nodes.find((n: { action: string }) => n.action === 'team.join');
    expect(joined).toEqual({
      action: 'team.join',
      actorName: personPseudonym(peer.id),
      mentions: [{ kind: 'PERSON', name: personPseudonym(peer.id) }],
    });
    expect(JSON.stringify(review)).not.toMatch(PEER_FORMS);
    // What they logged stays, theirs by id.
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE logged_by_id = $1', [peer.id])).toEqual([{ n: 1 }]);
  });

  it('neither appears in a later report in any format, in what the host city reads, or in any email sent afterwards', async () => {
    // A change to the session sends its participants an update (its title withheld now). The programme
    // changes only up to deliberation: the review steps back there for this, then returns to feedback.
    await t.dataSource.query("UPDATE review SET status = 'DELIBERATION' WHERE id = $1", [f.reviewId]);
    const [{ version }] = await t.dataSource.query('SELECT version FROM visit_session WHERE id = $1', [sessionId]);
    const [session] = await t.dataSource.query('SELECT title, kind, starts_at, ends_at FROM visit_session WHERE id = $1', [sessionId]);
    await as.leader.ok(
      'mutation($id: ID!, $v: Int, $input: VisitSessionInput!) { updateVisitSession(sessionId: $id, expectedVersion: $v, input: $input) { id } }',
      {
        id: sessionId,
        v: version,
        input: {
          title: session.title,
          kind: session.kind,
          start: new Date(new Date(session.starts_at).getTime() + 3600_000).toISOString(),
          end: new Date(new Date(session.ends_at).getTime() + 3600_000).toISOString(),
          stakeholderIds: [stakeholderId],
          assignments: [
            { personId: f.people.leader.id, part: 'INTERVIEWER' },
            { personId: f.people.observer.id, part: 'PARTICIPANT' },
          ],
        },
      },
    );
    await waitForMail((m) => m.to === f.people.observer.email && !mailBefore.has(m.file) && m.text.includes('[name withheld]'), 30_000);
    await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [f.reviewId]);

    const later = await requestReport();
    const texts = await reportTexts(later.id);
    for (const [format, text] of Object.entries(texts)) {
      expect([format, text.match(STAKEHOLDER_FORMS)?.[0] ?? null]).toEqual([format, null]);
      expect([format, text.match(PEER_FORMS)?.[0] ?? null]).toEqual([format, null]);
    }
    expect(texts.pdf).toContain('waiting lists');

    const host = JSON.stringify(await as.coordinator.ok(hostView, { r: f.reviewId }));
    expect(host).not.toMatch(STAKEHOLDER_FORMS);
    expect(host).not.toMatch(PEER_FORMS);
    expect(host).toContain(stakeholderPseudonym(stakeholderId));

    const afterErasure = await namesInMailSince(mailBefore, [STAKEHOLDER_FORMS, PEER_FORMS]);
    // The leader's two notices and the session update, at least.
    expect(afterErasure.length).toBeGreaterThanOrEqual(3);
    for (const [subject, ...found] of afterErasure) expect([subject, ...found]).toEqual([subject, null, null]);
  });
});
