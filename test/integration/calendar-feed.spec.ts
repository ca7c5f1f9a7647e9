import { createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The private calendar feed like the invites: each session at its host city's local time (TZID and a
 * VTIMEZONE from the runtime's zone data), read back by a real parser (python's icalendar, Debian
 * package python3-icalendar) across Lisbon's change to summer time on Sunday 28 March 2027, and its
 * texts in the person's language.
 */
function python(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0) return candidate;
  }
  throw new Error('No python3 with the icalendar module: install it (apt-get install python3-icalendar, or pip install icalendar).');
}

const READ = `
import sys, json, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
zones = {z['TZID']: z.to_tz() for z in cal.walk('VTIMEZONE')}
out = []
for event in cal.walk('VEVENT'):
    start = event['DTSTART']
    tzid = start.params.get('TZID')
    naive = datetime.datetime.strptime(start.to_ical().decode(), '%Y%m%dT%H%M%S')
    out.append({
        'tzid': tzid,
        'local': start.dt.strftime('%Y-%m-%d %H:%M'),
        'utc': start.dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'),
        'utcByVtimezone': zones[tzid].localize(naive).astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'),
        'endUtc': event['DTEND'].dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'),
        'summary': str(event['SUMMARY']),
        'summaryLanguage': event['SUMMARY'].params.get('LANGUAGE'),
        'description': str(event['DESCRIPTION']),
    })
print(json.dumps({'zones': sorted(zones), 'events': out}))
`;

describe('the calendar feed in the host city’s time zone (on a fresh database)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(() => t?.close());

  it('gives each session its local time with TZID and VTIMEZONE, before and after the clocks change, in French for a French speaker', async () => {
    const f = await createReviewFixture(t.dataSource, { timeZone: 'Europe/Lisbon', cityName: 'Lisbonne' });
    const peer = f.people.peer;
    const token = 'feed-secret-of-the-peer';
    await t.dataSource.query("UPDATE person SET locale = 'fr-FR', time_zone = 'Europe/Paris', calendar_token_hash = $2 WHERE id = $1", [
      peer.id,
      createHash('sha256').update(token).digest('hex'),
    ]);
    await t.dataSource.query("UPDATE city SET time_zone = 'Europe/Lisbon' WHERE id = $1", [f.city.id]);
    const session = async (title: string, start: string, end: string) => {
      const [s] = await t.dataSource.query(
        "INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, key_factor_ids, created_by_id) VALUES ($1, 'INTERVIEW', $2, $3, $4, '{}', $5) RETURNING id",
        [f.reviewId, title, start, end, f.people.leader.id],
      );
      await t.dataSource.query("INSERT INTO session_assignment (session_id, person_id, part) VALUES ($1, $2, 'INTERVIEWER')", [
        s.id,
        peer.id,
      ]);
    };
    await session('La politique d’accueil', '2027-03-27T09:00:00Z', '2027-03-27T10:30:00Z'); // Saturday, UTC+0
    await session('Les médiateurs', '2027-03-29T08:00:00Z', '2027-03-29T09:30:00Z'); // Monday, UTC+1

    const response = await fetch(`${t.url}/calendar/${token}.ics`);
    expect(response.status).toBe(200);
    const ics = await response.text();
    expect(ics).toContain('DTSTART;TZID=Europe/Lisbon:20270329T090000');
    const { zones, events } = JSON.parse(execFileSync(python(), ['-c', READ], { input: ics, encoding: 'utf8' }));
    expect(zones).toEqual(['Europe/Lisbon']);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      tzid: 'Europe/Lisbon',
      local: '2027-03-27 09:00',
      utc: '2027-03-27T09:00',
      utcByVtimezone: '2027-03-27T09:00',
    });
    expect(events[1]).toMatchObject({
      tzid: 'Europe/Lisbon',
      local: '2027-03-29 09:00',
      utc: '2027-03-29T08:00',
      utcByVtimezone: '2027-03-29T08:00',
      endUtc: '2027-03-29T09:30',
      summary: 'Entretien : Les médiateurs',
      summaryLanguage: 'fr',
    });
    expect(events[1].description).toContain('Les heures sont celles du fuseau Europe/Lisbon.');
  });
});
