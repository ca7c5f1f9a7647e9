import { IccIndexSeed, IndexDefinitionService, scoreIndex } from '@peervisit/icc-index';
import { createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';
import { withIndexEntities } from './icc-index';

/** What the visit's Index browser test (icc-index-visit.browser.ts) is given. */
export interface IccIndexVisitScenario {
  reviewId: string;
  people: Record<'leader' | 'peer', { id: string; email: string }>;
}

/**
 * A review in VISIT of a city whose Index (the shipped illustrative one, under its own code) was published: two
 * indicators answered, the rest at 0, with one expert's correction. The team confirms results on the
 * review's Index tab.
 */
export function prepare(prepared: DataSource): Promise<IccIndexVisitScenario> {
  return withIndexEntities(prepared, prepareWith);
}

async function prepareWith(dataSource: DataSource): Promise<IccIndexVisitScenario> {
  // The shipped Index under a code of its own, so that this city does not count in icc-index.browser.ts's comparison.
  const definitions = new IndexDefinitionService(dataSource);
  await new IccIndexSeed(definitions).run();
  const shipped = await definitions.export('ICC-INDEX', 1);
  const { definition } = await definitions.import({ ...shipped, code: 'VISIT-INDEX', version: undefined }, { publish: true });
  const review = await createReviewFixture(dataSource, { status: 'VISIT', scope: [1], cityName: 'Rijeka', timeZone: 'Europe/Zagreb' });
  const commitment = definition.content.indicators.find((i) => i.code === 'COMMITMENT')!;
  const answers = new Map(commitment.questions.filter((q) => q.type === 'YES_NO').map((q) => [q.code, { option: 'YES' }]));
  const scores = scoreIndex(definition.content, answers, new Map([['EDUCATION', 40]]));
  await dataSource.query(
    `INSERT INTO icc_index_assessment (city_id, definition_id, status, due_date, started_by_id, submitted_at, published_at, published_scores)
     VALUES ($1, $2, 'PUBLISHED', '2026-03-31', $3, now() - interval '60 days', now() - interval '30 days', $4)`,
    [review.city.id, definition.id, review.people.leader.id, JSON.stringify(scores)],
  );
  const { leader, peer } = review.people;
  return { reviewId: review.reviewId, people: { leader, peer } };
}
