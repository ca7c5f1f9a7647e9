import { assembleReportModel } from '@peervisit/reporting';
import { createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

const QUERY = `query($r: ID!) { networkDistribution(reviewId: $r) {
  minCities unavailableReason
  keyFactors { keyFactor { code } cities ratings { rating count } cityRating }
  withheldKeyFactors { code }
} }`;

type Distribution = {
  minCities: number;
  unavailableReason: string | null;
  keyFactors:
    { keyFactor: { code: string }; cities: number; ratings: { rating: number; count: number }[]; cityRating: number | null }[] | null;
  withheldKeyFactors: { code: string }[];
};

/**
 * The network's distribution per key factor with this city marked (networkDistribution, and the same
 * rule in the follow-up report's model): given for a key factor only once 5 cities have a comparable
 * agreed rating on it, counts only, never another city's own value.
 */
describe("the network's distribution per key factor, with this city marked", () => {
  let t: TestApp;
  /** Our city's review: agreed 2 on key factor 01 and 3 on 02. */
  let ours: Fixture;
  const others: Fixture[] = [];
  let coordinator: GraphqlClient;
  let leader: GraphqlClient;
  let otherHost: GraphqlClient;
  let outsider: GraphqlClient;

  const agree = async (f: Fixture, ratings: (number | null)[], agreedAt = 'now()') => {
    for (const [i, rating] of ratings.entries())
      if (rating !== null)
        await t.dataSource.query(
          `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at) VALUES ($1, $2, $3, 'Summary of ${f.city.name}.', 'AGREED', ${agreedAt})`,
          [f.reviewId, f.keyFactors[i].id, rating],
        );
  };
  /** Another city's review, shared with it (FOLLOW_UP), with agreed ratings on 01 and 02 (null: none). */
  const otherCity = async (name: string, ratings: (number | null)[], status = 'FOLLOW_UP') => {
    const f = await createReviewFixture(t.dataSource, { status, scope: [1, 2], cityName: name });
    await agree(f, ratings);
    others.push(f);
    return f;
  };
  const distribution = async (client: GraphqlClient, reviewId = ours.reviewId) =>
    (await client.ok<{ networkDistribution: Distribution }>(QUERY, { r: reviewId })).networkDistribution;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    ours = await createReviewFixture(t.dataSource, { status: 'FOLLOW_UP', scope: [1, 2], cityName: 'Ourtown' });
    await agree(ours, [2, 3]);
    coordinator = await t.gql.signIn(ours.people.coordinator.email, TEST_PASSWORD);
    leader = await t.gql.signIn(ours.people.leader.email, TEST_PASSWORD);
    // Three other cities rated both key factors; one only 01.
    await otherCity('Alphaville', [1, 2]);
    await otherCity('Betaburg', [2, 2]);
    await otherCity('Gammaby', [3, 1]);
    // A city whose review was not shared with it yet does not count.
    await otherCity('Hiddenham', [4, 4], 'DELIBERATION');
    otherHost = await t.gql.signIn(others[0].people.coordinator.email, TEST_PASSWORD);
    outsider = await t.gql.signIn(others[3].people.leader.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('with 4 cities: no distribution, the reason, and no counts anywhere (API and report model)', async () => {
    const answer = await distribution(coordinator);
    expect(answer).toEqual({
      minCities: 5,
      unavailableReason: 'TOO_FEW_CITIES',
      keyFactors: null,
      withheldKeyFactors: [{ code: '01' }, { code: '02' }],
    });
    const model = await assembleReportModel(t.dataSource.manager, ours.reviewId);
    expect(model.networkDistribution).toBeNull();
  });

  it('with 5 cities on a key factor: its counts per rating, this city marked; the key factor with 4 still withheld', async () => {
    // The fifth city rated 01 only, in two reviews: it counts once, with its latest rating.
    const delta = await otherCity('Deltaville', [4, null]);
    const earlier = await createReviewFixture(t.dataSource, { status: 'CLOSED', scope: [1, 2], cityName: 'Deltaville (earlier)' });
    await t.dataSource.query('UPDATE review SET host_city_id = $2 WHERE id = $1', [earlier.reviewId, delta.city.id]);
    await agree(earlier, [1, null], "now() - interval '3 years'");

    const answer = await distribution(coordinator);
    expect(answer.unavailableReason).toBeNull();
    expect(answer.keyFactors).toEqual([
      {
        keyFactor: { code: '01' },
        cities: 5,
        // Alphaville 1, Betaburg 2, Ourtown 2, Gammaby 3, Deltaville 4 (its latest; Hiddenham not shared).
        ratings: [
          { rating: 1, count: 1 },
          { rating: 2, count: 2 },
          { rating: 3, count: 1 },
          { rating: 4, count: 1 },
        ],
        cityRating: 2,
      },
    ]);
    // 02: Ourtown, Alphaville, Betaburg and Gammaby only.
    expect(answer.withheldKeyFactors).toEqual([{ code: '02' }]);
  });

  it('the answer holds counts and this city’s own rating only: no other city, review, person or text', async () => {
    const raw = JSON.stringify(
      await coordinator.request(
        `query($r: ID!) { networkDistribution(reviewId: $r) { minCities unavailableReason withheldKeyFactors { id code heading }
           keyFactors { keyFactor { id code heading statement } cities ratings { rating count } cityRating } } }`,
        { r: ours.reviewId },
      ),
    );
    for (const f of others) {
      for (const value of [
        f.city.id,
        f.city.name,
        f.reviewId,
        `Review of ${f.city.name}`,
        `Summary of ${f.city.name}.`,
        f.people.leader.id,
      ])
        expect(raw).not.toContain(value);
    }
    const all = await t.dataSource.query('SELECT id FROM conclusion WHERE review_id <> $1', [ours.reviewId]);
    for (const c of all) expect(raw).not.toContain(c.id);
    // Nothing in the schema leads from the distribution to a review or a city.
    const type = await coordinator.ok<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "KeyFactorDistribution") { fields { name } } }',
    );
    expect(type.__type.fields.map((f) => f.name).sort()).toEqual(['cities', 'cityRating', 'keyFactor', 'ratings']);
  });

  it('is the same in the follow-up report’s model', async () => {
    const model = await assembleReportModel(t.dataSource.manager, ours.reviewId);
    const api = await distribution(leader);
    expect(model.networkDistribution).toEqual({
      minCities: 5,
      keyFactors: api.keyFactors!.map((k) => ({
        keyFactorCode: k.keyFactor.code,
        heading: expect.any(String),
        cities: k.cities,
        ratings: k.ratings,
        cityRating: k.cityRating,
      })),
    });
  });

  it('each city sees itself marked in the same counts; readers of the findings only', async () => {
    const alpha = await distribution(otherHost, others[0].reviewId);
    expect(alpha.keyFactors?.[0]).toMatchObject({ keyFactor: { code: '01' }, cities: 5, cityRating: 1 });
    expect(alpha.keyFactors?.[0].ratings).toEqual((await distribution(coordinator)).keyFactors?.[0].ratings);
    // A member of another review, and a host city before its findings are shared, are refused.
    const refused = await outsider.request(QUERY, { r: ours.reviewId });
    expect(refused.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(refused.data?.networkDistribution ?? null).toBeNull();
    const hiddenHost = await t.gql.signIn(others[3].people.coordinator.email, TEST_PASSWORD);
    const early = await hiddenHost.request(QUERY, { r: others[3].reviewId });
    expect(early.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Its own team reads it (its own rating marked, though not yet shared with its city).
    const hiddenTeam = await t.gql.signIn(others[3].people.leader.email, TEST_PASSWORD);
    expect((await distribution(hiddenTeam, others[3].reviewId)).keyFactors?.[0]).toMatchObject({ cities: 6, cityRating: 4 });
  });
});
