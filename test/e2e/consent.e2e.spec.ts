import { randomUUID } from 'node:crypto';
import { OutboxService } from '@peervisit/platform';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp, waitForMail } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { mailSoFar, namesInMailSince, pdfText, reportTexts, requestReport } from './personal-data-outputs';

/** Every form of the names searched: full, given name alone, surname alone, any case. */
const WITHDRAWN_FORMS = /amira|haddad/i;
const ERASED_FORMS = /bruno|keller/i;
/** Amira's position identifies her as well as her name. */
const AMIRA_POSITION = 'Chair of the migrant council';
/** Chloé never agreed to be quoted: her words, verbatim, must reach no one outside the team. */
const CHLOE_VERBATIM = 'The mayor never answers our letters';
const CHLOE_PARAPHRASE = 'Residents feel that the city rarely replies to them.';
const PENDING_VERBATIM = 'Nobody from the town hall came to our street party';

/**
 * Consent as records (issue 21): who recorded what, when and how; withdrawal, after which the person
 * appears in no later report (HTML, PDF text, Word), in no host-city field and in no email, like a
 * stakeholder erased at the same time; and the quote rule: a quote from someone who did not agree to
 * be quoted reaches the host city and reports only as the team's paraphrase, or "paraphrase pending".
 */
describe('consent records, withdrawal and the quote rule, end to end', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  const as = {} as Record<'admin' | 'leader' | 'peer' | 'coordinator' | 'contributor' | 'observer', GraphqlClient>;
  const who = {} as Record<'amira' | 'bruno' | 'chloe', string>;
  let published: { id: string; version: number };
  let mailBefore: Set<string>;
  const pendingId = randomUUID();
  let sessionId: string;

  const record = `mutation($s: ID!, $r: ID, $input: ConsentInput!) {
    recordStakeholderConsent(stakeholderId: $s, reviewId: $r, input: $input) { id kind given method note legacy recordedAt recordedBy { fullName } }
  }`;
  const withdraw = `mutation($s: ID!, $r: ID, $input: ConsentInput!) {
    withdrawStakeholderConsent(stakeholderId: $s, reviewId: $r, input: $input) { consent { id kind given method } publishedReports { reviewId version language } }
  }`;
  const history = `query($s: ID!, $r: ID) {
    stakeholderConsentHistory(stakeholderId: $s, reviewId: $r) { kind given method note legacy recordedAt recordedBy { fullName } }
  }`;
  const logOne = `mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome evidence { id quoteShown needsParaphrase } } }`;
  const hostView = `query($r: ID!) {
    reviewConclusions(reviewId: $r) { summary strengths areasToDevelop }
    reviewRecommendations(reviewId: $r) { text suggestedOwner }
  }`;
  /** Every field through which a reader gets the review's stakeholders: the host city's list and the programme. */
  const stakeholderView = `query($r: ID!) {
    review(id: $r) { stakeholders { id name position } }
    visitProgramme(reviewId: $r) { days { sessions { title stakeholders { id name position } } } }
  }`;
  const programmePdf = async (reader: GraphqlClient) =>
    pdfText(
      Buffer.from(
        await (
          await fetch(`${t.url}/reports/programme/${f.reviewId}/pdf?language=en`, { headers: { authorization: `Bearer ${reader.token}` } })
        ).arrayBuffer(),
      ),
    );
  const quote = (stakeholder: string, words: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    source: 'OBSERVATION',
    keyFactorIds: [f.keyFactors[0].id],
    stance: 'SUPPORTS',
    statement: 'What we heard about language courses.',
    quote: words,
    quotedStakeholderId: stakeholder,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    for (const role of ['leader', 'peer', 'coordinator', 'contributor', 'observer'] as const)
      as[role] = await t.gql.signIn(f.people[role].email, TEST_PASSWORD);
    as.admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
    const rows: { id: string; name: string }[] = await t.dataSource.query(
      `INSERT INTO stakeholder (name, position, category, city_id) VALUES
         ('Amira Haddad', 'Chair of the migrant council', 'MIGRANT_ORGANISATION', $1),
         ('Bruno Keller', 'Youth worker', 'CIVIL_SOCIETY', $1),
         ('Chloé Dubois', 'Resident', 'RESIDENT', $1) RETURNING id, name`,
      [f.city.id],
    );
    [who.amira, who.bruno, who.chloe] = rows.map((r) => r.id);
    // A session meeting Amira and Chloé, the observer (not on the review team) assigned: its emails go to her.
    sessionId = (
      await as.leader.ok('mutation($r: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $input) { id } }', {
        r: f.reviewId,
        input: {
          kind: 'FOCUS_GROUP',
          title: 'Migrant council',
          start: '2027-03-10T13:00',
          end: '2027-03-10T15:00',
          assignments: [
            { personId: f.people.leader.id, part: 'INTERVIEWER' },
            { personId: f.people.observer.id, part: 'PARTICIPANT' },
          ],
          stakeholderIds: [who.amira, who.chloe],
        },
      })
    ).scheduleVisitSession.id;
  });

  afterAll(() => t?.close());

  it('records consent with what, how, when and who; refuses those who may not edit stakeholders', async () => {
    const before = Date.now();
    const named = (
      await as.leader.ok(record, {
        s: who.amira,
        r: f.reviewId,
        input: { kind: 'NAMED', method: 'IN_WRITING', note: 'Signed form, programme folder' },
      })
    ).recordStakeholderConsent;
    expect(named).toMatchObject({
      kind: 'NAMED',
      given: true,
      method: 'IN_WRITING',
      note: 'Signed form, programme folder',
      legacy: false,
      recordedBy: { fullName: 'Lena Leader' },
    });
    expect(new Date(named.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    await as.coordinator.ok(record, { s: who.amira, r: f.reviewId, input: { kind: 'QUOTED', method: 'IN_PERSON' } });
    await as.admin.ok(record, { s: who.bruno, input: { kind: 'NAMED', method: 'EMAIL' } });

    const { stakeholderConsentHistory } = await as.peer.ok(history, { s: who.amira, r: f.reviewId });
    expect(stakeholderConsentHistory).toEqual([
      expect.objectContaining({ kind: 'NAMED', given: true, method: 'IN_WRITING', recordedBy: { fullName: 'Lena Leader' } }),
      expect.objectContaining({ kind: 'QUOTED', given: true, method: 'IN_PERSON', recordedBy: { fullName: 'Coco Coordinator' } }),
    ]);
    // The current state, derived from the records, is what every reader reads.
    expect(
      await t.dataSource.query('SELECT consent_to_be_named, consent_to_be_quoted FROM stakeholder WHERE id = $1', [who.amira]),
    ).toEqual([{ consent_to_be_named: true, consent_to_be_quoted: true }]);

    // The host contributor reads stakeholders but may not register or change them; without a review only the secretariat may.
    const contributor = await as.contributor.request(record, { s: who.chloe, r: f.reviewId, input: { kind: 'QUOTED', method: 'EMAIL' } });
    expect(contributor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReview = await as.leader.request(record, { s: who.chloe, input: { kind: 'QUOTED', method: 'EMAIL' } });
    expect(noReview.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/reviewId/) });
    const elsewhere = await as.leader.request(record, { s: randomUUID(), r: f.reviewId, input: { kind: 'QUOTED', method: 'EMAIL' } });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const tooLong = await as.leader.request(record, {
      s: who.chloe,
      r: f.reviewId,
      input: { kind: 'QUOTED', method: 'EMAIL', note: 'x'.repeat(2001) },
    });
    expect(tooLong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM stakeholder_consent WHERE stakeholder_id = $1', [who.chloe])).toEqual([
      { n: 0 },
    ]);
  });

  it('accepts a quote without consent with or without its paraphrase, flags the missing one, and refuses a stranger', async () => {
    const withParaphrase = quote(who.chloe, CHLOE_VERBATIM, { paraphrase: CHLOE_PARAPHRASE });
    expect((await as.peer.ok(logOne, { r: f.reviewId, input: withParaphrase })).logEvidence).toMatchObject({
      outcome: 'CREATED',
      evidence: { quoteShown: 'PARAPHRASE', needsParaphrase: false },
    });
    // A phone syncing: the quote without a paraphrase is kept, never refused, and flagged.
    const { logEvidenceBatch } = await as.peer.ok(
      `mutation($r: ID!, $items: [EvidenceInput!]!) { logEvidenceBatch(reviewId: $r, items: $items) { id outcome problems { path message } evidence { needsParaphrase } } }`,
      {
        r: f.reviewId,
        items: [
          { ...quote(who.chloe, PENDING_VERBATIM), id: pendingId },
          quote(randomUUID(), 'Someone we never met'),
          quote(who.amira, 'Haddad: we wait months for a course'),
        ],
      },
    );
    expect(logEvidenceBatch).toEqual([
      { id: pendingId, outcome: 'CREATED', problems: [], evidence: { needsParaphrase: true } },
      expect.objectContaining({ outcome: 'INVALID', problems: [expect.objectContaining({ path: 'quotedStakeholderId' })], evidence: null }),
      expect.objectContaining({ outcome: 'CREATED', evidence: { needsParaphrase: false } }),
    ]);
    const { quotesNeedingParaphrase } = await as.leader.ok('query($r: ID!) { quotesNeedingParaphrase(reviewId: $r) { id quote } }', {
      r: f.reviewId,
    });
    expect(quotesNeedingParaphrase).toEqual([{ id: pendingId, quote: PENDING_VERBATIM }]);
    // Bruno is named in the team's text (he agreed), then erased below.
    await as.peer.ok(logOne, {
      r: f.reviewId,
      input: { ...quote(who.bruno, 'Bruno Keller: the youth club is full'), statement: 'Bruno Keller runs the youth club.' },
    });
  });

  it('a paraphrase can be written later, through an edit', async () => {
    const [{ id }] = await t.dataSource.query('SELECT id FROM evidence WHERE quote = $1', [CHLOE_VERBATIM]);
    const edit =
      'mutation($id: ID!, $patch: EvidencePatch!) { editEvidence(evidenceId: $id, patch: $patch) { paraphrase quoteShown revision } }';
    expect((await as.leader.ok(edit, { id, patch: { paraphrase: `  ${CHLOE_PARAPHRASE}  ` } })).editEvidence).toMatchObject({
      paraphrase: CHLOE_PARAPHRASE,
      quoteShown: 'PARAPHRASE',
    });
  });

  it('before the withdrawal the published report names and quotes Amira, and shows Chloé only as paraphrased', async () => {
    await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [f.reviewId]);
    await t.dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, status, agreed_at)
       VALUES ($1, $2, 3, 'Amira Haddad and Bruno Keller describe long waiting lists.', 'The council listens to HADDAD and to Keller.', 'Shorter waits, as Amira and Bruno asked.', 'AGREED', now())`,
      [f.reviewId, f.keyFactors[0].id],
    );
    await t.dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, suggested_owner, created_by_id)
       VALUES ($1, 'Fund more language courses, as Amira Haddad proposed.', $2, 'HIGH', 'QUICK_WIN', 'Office of Bruno Keller', $3)`,
      [f.reviewId, [f.keyFactors[0].id], f.people.leader.id],
    );
    published = await requestReport(as.leader, f.reviewId);
    await t.dataSource.query('UPDATE report SET published = true, published_at = now(), published_by_id = $2 WHERE id = $1', [
      published.id,
      f.people.leader.id,
    ]);
    const before = await reportTexts(t, as.leader, published.id);
    expect(before.pdf).toMatch(/Amira Haddad/);
    expect(before.html).toContain('we wait months for a course');
    for (const [format, text] of Object.entries(before)) {
      expect([format, text.includes(CHLOE_VERBATIM), text.includes(PENDING_VERBATIM)]).toEqual([format, false, false]);
    }
    expect(before.html).toContain(CHLOE_PARAPHRASE);
    expect(before.docx).toContain('[paraphrase pending]');
  });

  it('withdrawal is recorded and audited, the leader is told which published version named her', async () => {
    mailBefore = await mailSoFar();
    const { withdrawStakeholderConsent: named } = await as.peer.ok(withdraw, {
      s: who.amira,
      r: f.reviewId,
      input: { kind: 'NAMED', method: 'EMAIL', note: 'Email of 2 December' },
    });
    expect(named).toMatchObject({
      consent: { kind: 'NAMED', given: false, method: 'EMAIL' },
      publishedReports: [{ reviewId: f.reviewId, version: published.version, language: 'en' }],
    });
    await as.peer.ok(withdraw, { s: who.amira, r: f.reviewId, input: { kind: 'QUOTED', method: 'EMAIL' } });
    await as.admin.ok('mutation($id: ID!) { eraseStakeholder(stakeholderId: $id, reason: "Asked on 2 December") { id } }', {
      id: who.bruno,
    });

    expect(
      await t.dataSource.query('SELECT consent_to_be_named, consent_to_be_quoted FROM stakeholder WHERE id = $1', [who.amira]),
    ).toEqual([{ consent_to_be_named: false, consent_to_be_quoted: false }]);
    const { stakeholderConsentHistory } = await as.leader.ok(history, { s: who.amira, r: f.reviewId });
    expect(stakeholderConsentHistory.map((c: { kind: string; given: boolean }) => `${c.kind}:${c.given}`)).toEqual([
      'NAMED:true',
      'QUOTED:true',
      'NAMED:false',
      'QUOTED:false',
    ]);
    const audit = await t.dataSource.query(
      "SELECT actor_id, after FROM audit_entry WHERE review_id = $1 AND action = 'stakeholder.consent-withdraw' ORDER BY at",
      [f.reviewId],
    );
    expect(audit).toEqual([
      { actor_id: f.people.peer.id, after: expect.objectContaining({ kind: 'NAMED', given: false, method: 'EMAIL' }) },
      { actor_id: f.people.peer.id, after: expect.objectContaining({ kind: 'QUOTED', given: false, method: 'EMAIL' }) },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(WITHDRAWN_FORMS);
    const mail = await waitForMail((m) => m.to === f.people.leader.email && /withdrew their consent/.test(m.subject), 30_000);
    expect(mail.text).toContain(`version ${published.version}`);
    expect(mail.text).not.toMatch(WITHDRAWN_FORMS);
  });

  it('neither appears in a later report in any format, in what the host city reads, or in any later email; quotes follow the rule', async () => {
    const later = await requestReport(as.leader, f.reviewId);
    const texts = await reportTexts(t, as.leader, later.id);
    for (const [format, text] of Object.entries(texts)) {
      expect([format, text.match(WITHDRAWN_FORMS)?.[0] ?? null, text.match(ERASED_FORMS)?.[0] ?? null]).toEqual([format, null, null]);
      expect([format, text.includes(CHLOE_VERBATIM), text.includes(PENDING_VERBATIM), text.includes('we wait months')]).toEqual([
        format,
        false,
        false,
        false,
      ]);
    }
    expect(texts.pdf).toContain('waiting lists');
    expect(texts.html).toContain(CHLOE_PARAPHRASE);
    expect(texts.docx).toContain('[paraphrase pending]');

    // The anonymised evidence export follows the same rule.
    const exported = await (
      await fetch(`${t.url}/exports/reviews/${f.reviewId}/evidence.csv?anonymise=true`, {
        headers: { authorization: `Bearer ${as.leader.token}` },
      })
    ).text();
    expect([exported.includes(CHLOE_VERBATIM), exported.includes(PENDING_VERBATIM), exported.includes('we wait months')]).toEqual([
      false,
      false,
      false,
    ]);
    expect(exported).toContain(CHLOE_PARAPHRASE);
    expect(exported).toContain('[paraphrase pending]');
    expect(exported.match(WITHDRAWN_FORMS)?.[0] ?? null).toBeNull();
    expect(exported.match(ERASED_FORMS)?.[0] ?? null).toBeNull();

    const host = JSON.stringify(await as.coordinator.ok(hostView, { r: f.reviewId }));
    expect(host).toContain('waiting lists');
    expect(host.match(WITHDRAWN_FORMS)?.[0] ?? null).toBeNull();
    expect(host.match(ERASED_FORMS)?.[0] ?? null).toBeNull();

    const mail = await namesInMailSince(mailBefore, [WITHDRAWN_FORMS, ERASED_FORMS]);
    // The leader's notices: two withdrawals and the erasure.
    expect(mail.length).toBeGreaterThanOrEqual(2);
    for (const [subject, ...found] of mail) expect([subject, ...found]).toEqual([subject, null, null]);
  });

  it('outside the team her name and position are withheld in the stakeholder list, the programme, its PDF and session emails', async () => {
    const named = (text: string) => [text.match(WITHDRAWN_FORMS)?.[0] ?? null, text.includes(AMIRA_POSITION)];
    for (const reader of ['coordinator', 'contributor', 'observer'] as const) {
      const view = await as[reader].ok(stakeholderView, { r: f.reviewId });
      expect([reader, ...named(JSON.stringify(view))]).toEqual([reader, null, false]);
      const listed = view.review.stakeholders.find((s: { id: string }) => s.id === who.amira);
      const met = view.visitProgramme.days[0].sessions[0].stakeholders.find((s: { id: string }) => s.id === who.amira);
      expect([reader, listed, met]).toEqual([reader, ...[1, 2].map(() => ({ id: who.amira, name: '[name withheld]', position: null }))]);
      // Chloé never agreed to be named but never withdrew: the host city keeps reading her as before.
      expect(JSON.stringify(view)).toContain('Chloé Dubois');
      const pdf = await programmePdf(as[reader]);
      expect([reader, ...named(pdf), /\[name\s+withheld\]/.test(pdf), pdf.includes('Chloé Dubois')]).toEqual([
        reader,
        null,
        false,
        true,
        true,
      ]);
    }
    // The team and the secretariat keep reading her: they correct the reports.
    for (const reader of ['leader', 'peer', 'admin'] as const) {
      const view = JSON.stringify(await as[reader].ok(stakeholderView, { r: f.reviewId }));
      expect([reader, view.includes('Amira Haddad'), view.includes(AMIRA_POSITION)]).toEqual([reader, true, true]);
    }
    // The PDF's text breaks lines where the page does.
    expect(await programmePdf(as.leader)).toMatch(/Amira\s+Haddad/);

    // A session reminder sent now: the observer's describes her by category only, the leader's by position, as before.
    const keys = ['observer', 'leader'].map((r) => `consent-test:${sessionId}:${r}`);
    await t.dataSource.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, due_at, message_id)
       VALUES ($1, 'session-reminder', $3, $4, $7, $8, now(), '<' || gen_random_uuid() || '@peervisit>'),
              ($2, 'session-reminder', $5, $6, $7, $8, now(), '<' || gen_random_uuid() || '@peervisit>')`,
      [
        ...keys,
        f.people.observer.id,
        f.people.observer.email,
        f.people.leader.id,
        f.people.leader.email,
        f.reviewId,
        { sessionId, daysBefore: 1 },
      ],
    );
    await t.app.get(OutboxService).enqueueScheduled({ dedupeKeys: keys });
    const reminder = (to: string) => waitForMail((m) => m.to === to && /Migrant council/.test(m.subject), 30_000);
    const [observerMail, leaderMail] = [await reminder(f.people.observer.email), await reminder(f.people.leader.email)];
    expect(named(`${observerMail.subject}\n${observerMail.text}`)).toEqual([null, false]);
    expect(observerMail.text).toContain('a representative of a migrant organisation');
    expect(leaderMail.text).toContain(AMIRA_POSITION);
  });
});
