/**
 * The demo review `npm start` loads: Bergen, peer-reviewed against the EUROCITIES benchmark, in
 * SELF_ASSESSMENT with its team, about half of the entries filled, a few documents and context
 * notes. Built through the same services the API uses, as the secretariat and the team would.
 * Illustrative content, not a real review. Skipped when the review already exists.
 */
import { INestApplicationContext } from '@nestjs/common';
import { GuideQuestion, KeyFactor } from '@peervisit/catalogue/entities';
import { City } from '@peervisit/directory/entities';
import { DocumentService, ReviewService, SelfAssessmentService } from '@peervisit/review';
import { Review, ReviewRole, ReviewStatus } from '@peervisit/review/entities';
import { DataSource, In } from 'typeorm';
import { demoCaller, joinTeam } from './demo-data';

export const DEMO_REVIEW_TITLE = 'Bergen peer review 2027: promoting cultural diversity';

export async function loadDemoReview(app: INestApplicationContext): Promise<'created' | 'exists'> {
  const dataSource = app.get(DataSource);
  if (await dataSource.getRepository(Review).existsBy({ title: DEMO_REVIEW_TITLE })) return 'exists';
  const person = (email: string) => demoCaller(dataSource, email);
  const secretariat = await person('secretariat@example.org');
  const leader = await person('leader@example.org');
  const coordinator = await person('coordinator.bergen@example.org');
  const contributor = await person('contributor.bergen@example.org');
  const bergen = await dataSource.getRepository(City).findOneByOrFail({ name: 'Bergen', country: 'NO' });

  const reviews = app.get(ReviewService);
  const selfAssessment = app.get(SelfAssessmentService);
  const documents = app.get(DocumentService);

  const review = await reviews.create(secretariat, {
    title: DEMO_REVIEW_TITLE,
    kind: 'PEER_REVIEW' as Review['kind'],
    hostCityId: bergen.id,
    benchmarkCode: 'EUROCITIES-PCD',
    timeline: {
      selfAssessmentDue: '2027-02-15T16:00',
      visitStart: '2027-03-10T09:00',
      visitEnd: '2027-03-12T16:00',
      conclusionsDue: '2027-04-15T16:00',
      reportDue: '2027-05-31T16:00',
      followUpCheckpoints: ['2027-09-12', '2028-03-12'],
    },
  });
  await joinTeam(app, secretariat, review.id, leader, ReviewRole.EXPERT_LEADER);
  await reviews.transition(leader, review.id, ReviewStatus.PREPARATION);
  for (const [email, role] of [
    ['peer.milan@example.org', 'PEER'],
    ['peer.rotterdam@example.org', 'PEER'],
    ['coordinator.bergen@example.org', 'HOST_COORDINATOR'],
    ['contributor.bergen@example.org', 'HOST_CONTRIBUTOR'],
    ['observer@example.org', 'OBSERVER'],
  ]) {
    await joinTeam(app, leader, review.id, await person(email), role as ReviewRole);
  }
  await reviews.transition(leader, review.id, ReviewStatus.SELF_ASSESSMENT);

  const strategy = await documents.addLink(coordinator, review.id, {
    title: 'Bergen integration and diversity strategy 2024–2030 (illustrative)',
    type: 'STRATEGY',
    url: 'https://example.org/bergen/integration-strategy.pdf',
    keyFactorIds: [],
  });
  await documents.addLink(contributor, review.id, {
    title: 'City council minutes adopting the diversity statement (illustrative)',
    type: 'MINUTES',
    url: 'https://example.org/bergen/council-minutes.pdf',
    keyFactorIds: [],
  });
  const monitoring = await documents.upload(
    contributor,
    review.id,
    {
      buffer: Buffer.from('year,residents,born_abroad\n2022,289330,62100\n2023,291189,64012\n2024,293000,66000\n(illustrative figures)\n'),
      originalName: 'population-monitoring.csv',
      mediaType: 'text/csv',
    },
    { title: 'Population monitoring, 2022–2024 (illustrative)', type: 'MONITORING_DATA', keyFactorIds: [] },
  );

  // About half of the key factors filled in: 1 to 6 complete, 7 started; 8 and 9 assigned to Kari.
  const keyFactors = await dataSource
    .getRepository(KeyFactor)
    .find({ where: { benchmarkId: review.benchmarkId }, order: { number: 'ASC' } });
  const questions = await dataSource
    .getRepository(GuideQuestion)
    .find({ where: { keyFactorId: In(keyFactors.map((k) => k.id)) }, order: { position: 'ASC' } });
  for (const keyFactor of keyFactors.slice(0, 7)) {
    const own = questions.filter((q) => q.keyFactorId === keyFactor.id);
    const partial = keyFactor.number === 7;
    await selfAssessment.save(coordinator, review.id, keyFactor.id, {
      answers: (partial ? own.slice(0, 2) : own).map((q) => ({
        guideQuestionId: q.id,
        answer: `Illustrative answer from Bergen to "${q.text.slice(0, 60)}${q.text.length > 60 ? '…' : ''}".`,
      })),
      rating: partial ? undefined : (keyFactor.number % 4) + 1,
      narrative: partial ? '' : `Bergen's illustrative account of "${keyFactor.heading.toLowerCase()}".`,
      documentIds: keyFactor.number <= 2 ? [strategy.id] : keyFactor.number === 6 ? [monitoring.id] : [],
    });
  }
  for (const keyFactor of keyFactors.slice(7, 9)) await selfAssessment.assign(coordinator, review.id, keyFactor.id, contributor.personId);
  const contextFactors: { id: string; code: string }[] = await dataSource.query(
    'SELECT id, code FROM context_factor WHERE benchmark_id = $1 ORDER BY number',
    [review.benchmarkId],
  );
  for (const factor of contextFactors.slice(0, 2)) {
    await selfAssessment.saveContextNote(
      coordinator,
      review.id,
      factor.id,
      `Illustrative note from Bergen on ${factor.code.replace(/-/g, ' ')}.`,
    );
  }
  return 'created';
}
