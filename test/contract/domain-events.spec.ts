import { CatalogueSeed } from '@peervisit/catalogue';
import { NotificationsModule } from '@peervisit/notifications';
import { DomainEventBus } from '@peervisit/platform';
import { ReportingModule } from '@peervisit/reporting';
import { createTestApp, TestApp } from '@peervisit/testing';
import { readFileSync } from 'node:fs';

/**
 * docs/architecture.md, "What happens after a change", is where a newcomer reads what follows each
 * event. Its table must name exactly the handlers the app runs, in each phase.
 */
describe('the domain events table in docs/architecture.md', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.WORKERS_IN_PROCESS = 'false';
    t = await createTestApp({ imports: [NotificationsModule, ReportingModule] });
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(() => t?.close());

  /** `event PHASE Owner.method` for each handler the table names: a `Class.method` in backticks, then an optional (…), then a colon. */
  function documented(): string[] {
    const doc = readFileSync('docs/architecture.md', 'utf8');
    const section = doc.slice(
      doc.indexOf('## What happens after a change'),
      doc.indexOf('\n## ', doc.indexOf('## What happens after a change') + 1),
    );
    const rows = section.split('\n').filter((line) => /^\| `[a-z][A-Za-z]*\.[A-Za-z]+`/.test(line));
    return rows.flatMap((row) => {
      const [event, , inTransaction, afterCommit] = row.split(' | ');
      const name = /`([^`]+)`/.exec(event)![1];
      const handlers = (cell: string) => [...cell.matchAll(/`([A-Z]\w+\.\w+)`(?: \([^)]*\))?:/g)].map((m) => m[1]);
      return [
        ...handlers(inTransaction).map((h) => `${name} IN_TRANSACTION ${h}`),
        ...handlers(afterCommit).map((h) => `${name} AFTER_COMMIT ${h}`),
      ];
    });
  }

  it('names every handler the app registers, in its phase, and no other', () => {
    expect(documented().length).toBeGreaterThanOrEqual(6);
    expect(documented().sort()).toEqual(t.app.get(DomainEventBus).handlers());
  });
});
