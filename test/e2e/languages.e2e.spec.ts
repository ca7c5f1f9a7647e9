import {
  createReviewFixture,
  createTestApp,
  GraphqlClient,
  SmtpSink,
  startSmtpSink,
  TEST_PASSWORD,
  TestApp,
  until,
} from '@peervisit/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * Languages and time zones end to end, through the real outbox, queue and SMTP: a French-speaking
 * host coordinator's invitation and published-report email, a French-speaking peer's session invite
 * (host coordinators are not assigned to sessions; the peer stands in for "someone who reads French")
 * with the session in Lisbon's time and theirs beside it, reports in two languages both published,
 * API errors in the reader's language, and French evidence found by another inflection.
 */
/** The whole API with its workers, mail through a real SMTP server, and the catalogue seeded. */
async function startWithSmtp(): Promise<{ smtp: SmtpSink; t: TestApp }> {
  const smtp = await startSmtpSink();
  Object.assign(process.env, { SMTP_URL: smtp.url, OUTBOX_SWEEP_INTERVAL_MS: '300' });
  const t = await createTestApp({ module: AppModule.register({ workers: true }) });
  const { CatalogueSeed } = await import('@peervisit/catalogue');
  await t.app.get(CatalogueSeed).run();
  return { smtp, t };
}

describe('languages and time zones, end to end', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let peer: GraphqlClient;
  const mailTo = (to: string, subject: RegExp) =>
    until(
      `a mail to ${to} with subject ${subject}`,
      async () => smtp.received.find((m) => m.to.includes(to) && subject.test(m.subject)),
      20000,
    );

  beforeAll(async () => {
    ({ smtp, t } = await startWithSmtp());
    // Lisbon's clocks go forward on Sunday 28 March 2027; the visit runs over it.
    f = await createReviewFixture(t.dataSource, {
      status: 'VISIT',
      scope: [1],
      timeZone: 'Europe/Lisbon',
      visitStart: '2027-03-26T08:00:00Z',
      visitEnd: '2027-03-31T17:00:00Z',
    });
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('a review works in French: its invitations to people without an account are in French', async () => {
    const { updateReview } = await leader.ok(
      'mutation($r: ID!) { updateReview(reviewId: $r, input: { workingLanguage: "fr" }) { workingLanguage } }',
      {
        r: f.reviewId,
      },
    );
    expect(updateReview.workingLanguage).toBe('fr');
    const refused = await leader.request('mutation($r: ID!) { updateReview(reviewId: $r, input: { workingLanguage: "xx" }) { id } }', {
      r: f.reviewId,
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'workingLanguage' }] });

    const email = `amelie.${randomUUID().slice(0, 8)}@ville.example.fr`;
    const { addTeamMember } = await leader.ok(
      'mutation($r: ID!, $e: String!) { addTeamMember(reviewId: $r, input: { email: $e, role: HOST_COORDINATOR }) { invitation { id } } }',
      { r: f.reviewId, e: email },
    );
    const mail = await mailTo(email, /vous invite à/);
    expect(mail.text).toMatch(/^Bonjour,\n/);
    expect(mail.text).toContain('vous invite à participer à la revue par les pairs');
    expect(mail.text).toContain('Votre rôle : Coordination de la ville hôte');
    expect(mail.text).toContain('expire dans 14 jours');
    expect(mail.html).toContain('<html lang="fr-FR">');
    expect(mail.html).not.toMatch(/You get this|Hello/);

    // She accepts in French from Paris; her account keeps both, and she can change them later.
    expect(addTeamMember.invitation.id).toBeTruthy();
    const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    const { acceptInvitation } = await t.gql.ok(
      'mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p, fullName: "Amélie Durand", timeZone: "Europe/Paris", locale: "fr") { accessToken person { locale timeZone } } }',
      { t: token, p: TEST_PASSWORD },
    );
    expect(acceptInvitation.person).toEqual({ locale: 'fr', timeZone: 'Europe/Paris' });
    const amelie = t.gql.as(acceptInvitation.accessToken);
    const { updateMySettings } = await amelie.ok('mutation { updateMySettings(timeZone: "Europe/Brussels") { locale timeZone } }');
    expect(updateMySettings).toEqual({ locale: 'fr', timeZone: 'Europe/Brussels' });
    const wrong = await amelie.request('mutation { updateMySettings(timeZone: "Europe/Atlantis", locale: "??") { locale } }');
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await amelie.ok('{ me { timeZone locale } }')).me).toEqual({ timeZone: 'Europe/Brussels', locale: 'fr' });
  });

  it('a French-speaking peer’s session invite is in French, in Lisbon’s time with theirs beside it, and keeps 09:00 across the change', async () => {
    await peer.ok('mutation { updateMySettings(locale: "fr", timeZone: "Europe/Paris") { locale } }');
    const { scheduleVisitSession } = await leader.ok(
      'mutation($r: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $input) { id } }',
      {
        r: f.reviewId,
        input: {
          kind: 'INTERVIEW',
          title: 'Politique d’accueil',
          start: '2027-03-29T09:00', // the Monday after the clocks changed: 08:00 UTC
          end: '2027-03-29T10:30',
          location: 'Câmara Municipal',
          assignments: [{ personId: f.people.peer.id, part: 'INTERVIEWER' }],
        },
      },
    );
    // "Time travel": the reminder a day before is due now.
    await t.dataSource.query(
      "UPDATE outbox_message SET due_at = now() - interval '1 second', version = version + 1 WHERE dedupe_key LIKE $1 AND status = 'SCHEDULED'",
      [`%session:${scheduleVisitSession.id}:%:1d`],
    );
    const mail = await mailTo(f.people.peer.email, /Politique d’accueil/);
    expect(mail.subject).toBe('Demain, 09:00 UTC+1 : Politique d’accueil (Entretien)');
    expect(mail.text).toContain('Demain, vous participez à cette séance de la revue par les pairs :');
    expect(mail.text).toContain(
      'Entretien : Politique d’accueil\nQuand : lundi 29 mars 2027, 09:00–10:30 UTC+1 (lundi 29 mars 2027, 10:00–11:30 UTC+2 à votre heure)',
    );
    expect(mail.text).toContain('Votre rôle : intervieweur ou intervieweuse');
    expect(mail.html).toContain('<html lang="fr-FR">');

    const ics = mail.calendar ?? '';
    expect(ics).toContain('DTSTART;TZID=Europe/Lisbon:20270329T090000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('SUMMARY;LANGUAGE=fr:Entretien : Politique d’accueil');
    const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import icalendar']).status === 0);
    if (!python) throw new Error('No python3 with icalendar: apt-get install python3-icalendar');
    const parsed = execFileSync(
      python,
      [
        '-c',
        "import sys, datetime, icalendar; e = icalendar.Calendar.from_ical(sys.stdin.buffer.read()).walk('VEVENT')[0]; print(e.decoded('DTSTART').strftime('%H:%M'), e.decoded('DTSTART').astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'))",
      ],
      { input: ics, encoding: 'utf8' },
    ).trim();
    expect(parsed).toBe('09:00 2027-03-29T08:00');
  });

  it('French evidence is indexed in French: another inflection of its words finds it', async () => {
    const log = 'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome evidence { language } } }';
    const { logEvidence } = await peer.ok(log, {
      r: f.reviewId,
      input: {
        id: randomUUID(),
        source: 'OBSERVATION',
        keyFactorIds: [f.keyFactors[0].id],
        statement: 'Les habitants se sentent accueillis dans les quartiers.',
        stance: 'SUPPORTS',
      },
    });
    expect(logEvidence).toEqual({ outcome: 'CREATED', evidence: { language: 'fr' } });
    const search = (q: string) =>
      peer.ok('query($r: ID!, $q: String) { reviewEvidence(reviewId: $r, search: $q) { nodes { statement } } }', { r: f.reviewId, q });
    expect((await search('accueillir quartier')).reviewEvidence.nodes).toEqual([
      { statement: 'Les habitants se sentent accueillis dans les quartiers.' },
    ]);
    expect((await search('accueillir gare')).reviewEvidence.nodes).toEqual([]);

    // A good practice takes the language it is written in (here given; else its author's).
    const { createGoodPractice } = await peer.ok(
      'mutation($input: GoodPracticeInput!) { createGoodPractice(input: $input) { id language } }',
      {
        input: {
          language: 'fr',
          contact: { city: 'Lisbonne', country: 'PT' },
          action: { title: 'Des quartiers accueillants', mainFieldOfAction: '5' },
          description: { purpose: 'Les nouveaux habitants sont accueillis par leurs voisins.' },
        },
      },
    );
    expect(createGoodPractice.language).toBe('fr');
    const practices = (q: string) => peer.ok('query($q: String) { goodPractices(status: DRAFT, search: $q) { nodes { id } } }', { q });
    expect((await practices('accueillir voisin')).goodPractices.nodes).toEqual([{ id: createGoodPractice.id }]);
  });

  it('API errors come in the reader’s language, with the same code', async () => {
    const stranger = `{ review(id: "${randomUUID()}") { id } }`;
    const ask = async (headers: Record<string, string>) =>
      (await (
        await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
          body: JSON.stringify({ query: stranger }),
        })
      ).json()) as { errors: { message: string; extensions: { code: string } }[] };
    const english = await ask({ authorization: `Bearer ${leader.token}`, 'accept-language': 'en-GB' });
    const german = await ask({ authorization: `Bearer ${leader.token}`, 'accept-language': 'de-AT, de;q=0.9, en;q=0.5' });
    expect(german.errors[0].extensions.code).toBe(english.errors[0].extensions.code);
    expect(german.errors[0].message).toMatch(/^(Das wurde nicht gefunden|Dazu sind Sie nicht berechtigt)\./);
    expect(german.errors[0].message).toContain(`(Auf Englisch: ${english.errors[0].message})`);
    // Without a header, the person's own language: the peer chose French, and their token carries it (from the next sign-in).
    const french = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    const asPeer = await ask({ authorization: `Bearer ${french.token}` });
    expect(asPeer.errors[0].message).toMatch(/^(Cet élément est introuvable|Vous n’êtes pas autorisé à faire ceci)\./);
    // Signed out: the header decides.
    const signedOut = await ask({ 'accept-language': 'fr' });
    expect(signedOut.errors[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/^Connectez-vous d’abord\./),
    });
  });
});

describe('reports in two languages, both published, and the French coordinator’s email', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;

  beforeAll(async () => {
    ({ smtp, t } = await startWithSmtp());
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1], timeZone: 'Europe/Paris' });
    await t.dataSource.query(
      "INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, status, agreed_at) VALUES ($1, $2, 3, 'Une conclusion.', 'Un leadership visible.', 'Atteindre les habitants migrants.', 'AGREED', now())",
      [f.reviewId, f.keyFactors[0].id],
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('renders a version per language, publishes both, and tells the French coordinator in French', async () => {
    const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    const coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    await coordinator.ok('mutation { updateMySettings(locale: "fr-FR", timeZone: "Europe/Paris") { locale } }');
    const request = 'mutation($r: ID!, $l: String) { requestReport(reviewId: $r, language: $l) { id language } }';
    const bad = await leader.request(request, { r: f.reviewId, l: 'klingon' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM report'))[0].n).toBe(0);
    const fr = (await leader.ok(request, { r: f.reviewId, l: 'fr' })).requestReport;
    const en = (await leader.ok(request, { r: f.reviewId, l: 'en' })).requestReport;
    expect([fr.language, en.language]).toEqual(['fr', 'en']);
    const ready = (id: string) =>
      until(`report ${id} ready`, async () => {
        const [row] = await t.dataSource.query('SELECT status FROM report WHERE id = $1', [id]);
        return row.status === 'READY';
      });
    await ready(fr.id);
    await ready(en.id);
    const publish = 'mutation($id: ID!) { publishReport(reportId: $id) { published language } }';
    expect((await leader.ok(publish, { id: fr.id })).publishReport).toEqual({ published: true, language: 'fr' });
    expect((await leader.ok(publish, { id: en.id })).publishReport).toEqual({ published: true, language: 'en' });
    const seen = (await coordinator.ok('query($r: ID!) { reviewReports(reviewId: $r) { language published } }', { r: f.reviewId }))
      .reviewReports;
    expect(seen.map((r: { language: string }) => r.language).sort()).toEqual(['en', 'fr']);

    const html = async (id: string) =>
      (await fetch(`${t.url}/reports/${id}/html`, { headers: { authorization: `Bearer ${coordinator.token}` } })).text();
    const french = await html(fr.id);
    expect(french).toContain('<html lang="fr-FR">');
    expect(french).toContain('Constats par facteur clé');
    const english = await html(en.id);
    expect(english).toContain('<html lang="en-GB">');
    expect(english).toContain('Findings by key factor');

    const mail = await until('the French report-published email', async () =>
      smtp.received.find((m) => m.to.includes(f.people.coordinator.email) && /^Rapport publié/.test(m.subject)),
    );
    expect(mail.text).toMatch(/^Bonjour Coco Coordinator,\n/);
    const today = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date());
    expect(mail.text).toContain(`le ${today}`);
    expect(mail.text).toContain('Vous recevez ce message parce que vous participez à');
    expect(mail.html).toContain('<html lang="fr-FR">');
    // The English-speaking leader gets the same news in English.
    await until('the English one', async () =>
      smtp.received.find((m) => m.to.includes(f.people.leader.email) && /^Report published/.test(m.subject)),
    );
  });
});
