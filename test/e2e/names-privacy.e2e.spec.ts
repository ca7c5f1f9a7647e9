import { randomUUID } from 'node:crypto';
import { createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp, until } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const WITHHELD = '[name withheld]';
/** Every form of the non-consenting interviewee's name the team wrote: full, given name alone, possessive, lower case. */
const NAME_FORMS = /amira|haddad/i;

/**
 * A stakeholder who did not consent to be named, named by the team in every form in conclusions,
 * recommendations and a quote: after the feedback session the host city and observers read none of
 * it (the team still reads its own words), the report shows none of it, and the expert leader's check
 * lists each place.
 */
describe('names of people who did not consent, end to end', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let peer: GraphqlClient;
  let coordinator: GraphqlClient;
  let observer: GraphqlClient;
  let evidenceId: string;
  let reportId: string;

  const written = {
    summary: 'Amira Haddad told us that the forum is open to everyone; Olivia Open agreed.',
    strengths: 'Amira noted that the forum meets every month.',
    areasToDevelop: "Haddad's view is that the budget is small; as amira haddad put it, haddad cannot do it alone.",
    text: "Follow Amira's advice: fund the forum that HADDAD runs.",
    suggestedOwner: 'The office Amira Haddad works with',
    quote: 'Amira says the forum works; ask Haddad.',
  };
  const conclusionsQuery = 'query($r: ID!) { reviewConclusions(reviewId: $r) { keyFactor { code } summary strengths areasToDevelop } }';
  const recommendationsQuery = 'query($r: ID!) { reviewRecommendations(reviewId: $r) { text suggestedOwner withdrawalReason } }';

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'DELIBERATION', scope: [1, 2] });
    await t.dataSource.query(
      `INSERT INTO stakeholder (name, category, consent_to_be_named, city_id) VALUES
         ('Amira Haddad', 'MIGRANT_ORGANISATION', false, $1), ('Olivia Open', 'CITY_OFFICIAL', true, $1)`,
      [f.city.id],
    );
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    observer = await t.gql.signIn(f.people.observer.email, TEST_PASSWORD);

    evidenceId = randomUUID();
    await peer.ok('mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { id } }', {
      r: f.reviewId,
      input: {
        id: evidenceId,
        source: 'OBSERVATION',
        keyFactorIds: [f.keyFactors[0].id],
        stance: 'SUPPORTS',
        statement: 'Amira Haddad runs the forum.',
        quote: written.quote,
      },
    });
    const save =
      'mutation($r: ID!, $kf: ID!, $input: ConclusionInput!) { saveConclusion(reviewId: $r, keyFactorId: $kf, input: $input) { id version } }';
    const agree = 'mutation($c: ID!, $v: Int!) { agreeConclusion(conclusionId: $c, expectedVersion: $v) { status } }';
    const first = (
      await peer.ok(save, {
        r: f.reviewId,
        kf: f.keyFactors[0].id,
        input: {
          rating: 3,
          summary: written.summary,
          strengths: written.strengths,
          areasToDevelop: written.areasToDevelop,
          evidenceIds: [evidenceId],
        },
      })
    ).saveConclusion;
    const second = (await peer.ok(save, { r: f.reviewId, kf: f.keyFactors[1].id, input: { rating: 2, summary: 'No strategy yet.' } }))
      .saveConclusion;
    for (const c of [first, second]) await leader.ok(agree, { c: c.id, v: c.version });
    await peer.ok('mutation($r: ID!, $input: RecommendationInput!) { addRecommendation(reviewId: $r, input: $input) { id } }', {
      r: f.reviewId,
      input: {
        text: written.text,
        suggestedOwner: written.suggestedOwner,
        keyFactorIds: [f.keyFactors[0].id],
        priority: 'HIGH',
        horizon: 'QUICK_WIN',
      },
    });
    // The feedback session's guards are another test's subject.
    await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [f.reviewId]);
  });
  afterAll(() => t?.close());

  it('the host city and observers read conclusions and recommendations with the name withheld in every form; the team reads its own words', async () => {
    for (const reader of [coordinator, observer]) {
      const { reviewConclusions } = await reader.ok(conclusionsQuery, { r: f.reviewId });
      const kf01 = reviewConclusions.find((c: { keyFactor: { code: string } }) => c.keyFactor.code === '01');
      expect(kf01).toEqual({
        keyFactor: { code: '01' },
        summary: `${WITHHELD} told us that the forum is open to everyone; Olivia Open agreed.`,
        strengths: `${WITHHELD} noted that the forum meets every month.`,
        areasToDevelop: `${WITHHELD}'s view is that the budget is small; as ${WITHHELD} put it, ${WITHHELD} cannot do it alone.`,
      });
      const { reviewRecommendations } = await reader.ok(recommendationsQuery, { r: f.reviewId });
      expect(reviewRecommendations).toEqual([
        {
          text: `Follow ${WITHHELD}'s advice: fund the forum that ${WITHHELD} runs.`,
          suggestedOwner: `The office ${WITHHELD} works with`,
          withdrawalReason: null,
        },
      ]);
    }
    const { cityRecommendations } = await coordinator.ok('query($c: ID!) { cityRecommendations(cityId: $c) { text suggestedOwner } }', {
      c: f.city.id,
    });
    expect(JSON.stringify(cityRecommendations)).not.toMatch(NAME_FORMS);
    // Earlier drafts are the team's: the city never reads them.
    const drafts = await coordinator.request('query($r: ID!) { reviewConclusions(reviewId: $r) { revisions { summary } } }', {
      r: f.reviewId,
    });
    expect(drafts.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(drafts.data ?? {})).not.toMatch(NAME_FORMS);

    const team = await peer.ok(conclusionsQuery, { r: f.reviewId });
    expect(team.reviewConclusions.find((c: { keyFactor: { code: string } }) => c.keyFactor.code === '01')).toMatchObject({
      summary: written.summary,
      strengths: written.strengths,
      areasToDevelop: written.areasToDevelop,
    });
    expect((await leader.ok(recommendationsQuery, { r: f.reviewId })).reviewRecommendations).toEqual([
      { text: written.text, suggestedOwner: written.suggestedOwner, withdrawalReason: null },
    ]);
  });

  it('a later review of the city shows the earlier conclusion to its host coordinator anonymised', async () => {
    const [later] = await t.dataSource.query(
      `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, created_by_id, created_at)
       VALUES ('Second review', 'PEER_REVIEW', $1, $2, 'VISIT', $3, now() + interval '1 second') RETURNING id`,
      [f.city.id, f.benchmarkId, f.people.leader.id],
    );
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'HOST_COORDINATOR')", [
      later.id,
      f.people.coordinator.id,
    ]);
    const { earlierConclusions } = await coordinator.ok('query($r: ID!) { earlierConclusions(reviewId: $r) { summary } }', { r: later.id });
    expect(earlierConclusions[0].summary).toBe(`${WITHHELD} told us that the forum is open to everyone; Olivia Open agreed.`);
  });

  it('a good practice drafted from the evidence (for the public catalogue) starts from the anonymised text', async () => {
    const promote =
      'mutation($e: ID!) { promoteEvidenceToGoodPractice(evidenceId: $e, mainFieldOfAction: "1") { title purpose teaser sourceEvidenceId } }';
    const { promoteEvidenceToGoodPractice } = await peer.ok(promote, { e: evidenceId });
    expect(promoteEvidenceToGoodPractice).toMatchObject({ purpose: `${WITHHELD} runs the forum.`, sourceEvidenceId: evidenceId });
    expect(JSON.stringify(promoteEvidenceToGoodPractice)).not.toMatch(NAME_FORMS);
  });

  it('the report shows none of the forms; the consenting stakeholder is named', async () => {
    reportId = (await peer.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r: f.reviewId })).requestReport.id;
    await until(
      'the report to be ready',
      async () => (await leader.ok('query($id: ID!) { report(id: $id) { status } }', { id: reportId })).report.status === 'READY',
    );
    const html = await (await fetch(`${t.url}/reports/${reportId}/html`, { headers: { authorization: `Bearer ${leader.token}` } })).text();
    expect(html).toContain('Olivia Open agreed.');
    expect(html).toContain(`${WITHHELD} noted that the forum meets every month.`);
    expect(html).toContain(`${WITHHELD} says the forum works; ask ${WITHHELD}.`);
    expect(html).not.toMatch(NAME_FORMS);
  });

  it("the expert leader's check lists each place where the name was withheld and where a known name stands; no one else may run it", async () => {
    const check =
      'query($id: ID!) { reportNameCheck(reportId: $id) { reportId upToDate places { where field found name status reason excerpt } } }';
    for (const other of [peer, coordinator])
      expect((await other.request(check, { id: reportId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { reportNameCheck } = await leader.ok(check, { id: reportId });
    expect(reportNameCheck).toMatchObject({ reportId, upToDate: true });
    const places = reportNameCheck.places as {
      where: string;
      found: string;
      name: string;
      status: string;
      reason: string;
      excerpt: string;
    }[];
    const withheld = places.filter((p) => p.status === 'WITHHELD').map((p) => [p.where, p.found]);
    // In the report's order: the executive summary's high-priority recommendation first.
    expect(withheld).toEqual([
      ['Recommendation R1: text', 'Amira'],
      ['Recommendation R1: text', 'HADDAD'],
      ['Recommendation R1: suggested owner', 'Amira Haddad'],
      ['Key factor 01, quote 1: text', 'Amira'],
      ['Key factor 01, quote 1: text', 'Haddad'],
      ['Key factor 01, conclusion: summary', 'Amira Haddad'],
      ['Key factor 01, conclusion: strengths', 'Amira'],
      ['Key factor 01, conclusion: areas to develop', 'Haddad'],
      ['Key factor 01, conclusion: areas to develop', 'amira haddad'],
      ['Key factor 01, conclusion: areas to develop', 'haddad'],
    ]);
    expect(
      places
        .filter((p) => p.status === 'WITHHELD')
        .every(
          (p) => p.name === 'Amira Haddad' && p.reason === 'NOT_CONSENTED' && p.excerpt.includes(WITHHELD) && !NAME_FORMS.test(p.excerpt),
        ),
    ).toBe(true);
    expect(places).toContainEqual(
      expect.objectContaining({
        where: 'Key factor 01, conclusion: summary',
        found: 'Olivia Open',
        status: 'STANDING',
        reason: 'CONSENTED',
        excerpt: `${WITHHELD} told us that the forum is open to everyone; Olivia Open agreed.`,
      }),
    );
  });
});
