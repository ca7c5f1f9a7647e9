import { CatalogueSeed } from '@peervisit/catalogue';
import { CurrentUser } from '@peervisit/platform';
import { createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import { ReportingModule } from '../reporting.module';
import { ReportPublishService } from './report-publish.service';
import { ReportRequestService } from './report-request.service';

/** Requesting and publishing a report are changes to the review: each leaves an audit entry, written with it. */
describe('report audit trail', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  const as = (person: { id: string; email: string }): CurrentUser => ({ personId: person.id, email: person.email, isAdmin: false });
  const entries = (action: string, entityId: string) =>
    t.dataSource.query('SELECT review_id, actor_id, entity_type, before, after FROM audit_entry WHERE action = $1 AND entity_id = $2', [
      action,
      entityId,
    ]);

  beforeAll(async () => {
    // Nothing renders here: the worker's part is not what is audited.
    process.env.WORKERS_IN_PROCESS = 'false';
    t = await createTestApp({ imports: [ReportingModule] });
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1] });
  });
  afterAll(() => t?.close());

  it('a request writes report.request with the version, by the requester', async () => {
    const report = await t.app.get(ReportRequestService).request(as(f.people.peer), f.reviewId);
    expect(await entries('report.request', report.id)).toEqual([
      { review_id: f.reviewId, actor_id: f.people.peer.id, entity_type: 'Report', before: null, after: { version: 1, language: 'en' } },
    ]);
  });

  it('publishing writes report.publish by the expert leader; a refused publication writes nothing', async () => {
    const report = await t.app.get(ReportRequestService).request(as(f.people.leader), f.reviewId);
    // The render is the worker's; here the version is simply marked ready.
    await t.dataSource.query("UPDATE report SET status = 'READY' WHERE id = $1", [report.id]);
    const publisher = t.app.get(ReportPublishService);
    await expect(publisher.publish(as(f.people.peer), report.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await entries('report.publish', report.id)).toEqual([]);
    await publisher.publish(as(f.people.leader), report.id);
    expect(await entries('report.publish', report.id)).toEqual([
      {
        review_id: f.reviewId,
        actor_id: f.people.leader.id,
        entity_type: 'Report',
        before: { published: false },
        after: { published: true, version: 2 },
      },
    ]);
    // Publishing again changes nothing, so it records nothing.
    await publisher.publish(as(f.people.leader), report.id);
    expect(await entries('report.publish', report.id)).toHaveLength(1);
  });
});
