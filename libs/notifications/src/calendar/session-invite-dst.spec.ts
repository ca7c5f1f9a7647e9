import { execFileSync, spawnSync } from 'node:child_process';
import { buildSessionInvite, SessionInviteInput } from './session-invite';
import { offsetChanges } from './vtimezone';

/**
 * Invites read back by a real iCalendar parser (python's icalendar; Debian package python3-icalendar)
 * across a daylight-saving change: Lisbon moves from WET (UTC+0) to WEST (UTC+1) at 01:00 UTC on
 * Sunday 28 March 2027. A session at 09:00 on the Saturday before and on the Monday after must both be
 * at 09:00 Lisbon time, i.e. 09:00 and 08:00 UTC, whether the parser resolves the TZID itself or
 * through the invite's own VTIMEZONE.
 */
function python(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import icalendar'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('No python3 with the icalendar module: install it (apt-get install python3-icalendar, or pip install icalendar).');
}

const READ = `
import sys, json, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
tz = cal.walk('VTIMEZONE')[0].to_tz()
out = []
for event in cal.walk('VEVENT'):
    start = event['DTSTART']
    naive = datetime.datetime.strptime(start.to_ical().decode(), '%Y%m%dT%H%M%S')
    own = tz.localize(naive)
    out.append({
        'tzid': start.params.get('TZID'),
        'local': start.dt.strftime('%Y-%m-%d %H:%M'),
        'utc': start.dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'),
        'utcByVtimezone': own.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'),
        'endUtc': event['DTEND'].dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'),
        'summary': str(event['SUMMARY']),
        'summaryLanguage': event['SUMMARY'].params.get('LANGUAGE'),
    })
print(json.dumps(out))
`;

const base: Omit<SessionInviteInput, 'start' | 'end'> = {
  uid: 'session-lisbon@peervisit',
  sequence: 0,
  method: 'REQUEST',
  summary: 'Entretien : la politique d’accueil',
  description: 'Revue par les pairs : Lisbonne 2027',
  timeZone: 'Europe/Lisbon',
  language: 'fr',
  organizer: { name: 'PeerVisit', email: 'noreply@peervisit.example.org' },
  attendee: { name: 'Inês', email: 'ines@example.org' },
};

const read = (ics: string) => JSON.parse(execFileSync(python(), ['-c', READ], { input: ics, encoding: 'utf8' }))[0];

describe('session invites across a daylight-saving change, parsed back', () => {
  it('finds the change in the zone data it builds the VTIMEZONE from', () => {
    const changes = offsetChanges('Europe/Lisbon', Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1));
    expect(changes.map((c) => ({ at: new Date(c.at).toISOString(), before: c.before, after: c.after }))).toEqual([
      { at: '2027-03-28T01:00:00.000Z', before: 0, after: 60 },
      { at: '2027-10-31T01:00:00.000Z', before: 60, after: 0 },
    ]);
  });

  it('keeps 09:00 Lisbon time the day before and the day after the clocks go forward', () => {
    const saturday = read(buildSessionInvite({ ...base, start: new Date('2027-03-27T09:00:00Z'), end: new Date('2027-03-27T10:30:00Z') }));
    const monday = read(buildSessionInvite({ ...base, start: new Date('2027-03-29T08:00:00Z'), end: new Date('2027-03-29T09:30:00Z') }));
    expect(saturday).toMatchObject({
      tzid: 'Europe/Lisbon',
      local: '2027-03-27 09:00',
      utc: '2027-03-27T09:00',
      utcByVtimezone: '2027-03-27T09:00',
    });
    expect(monday).toMatchObject({
      tzid: 'Europe/Lisbon',
      local: '2027-03-29 09:00',
      utc: '2027-03-29T08:00',
      utcByVtimezone: '2027-03-29T08:00',
      endUtc: '2027-03-29T09:30',
    });
    expect(monday.summary).toBe('Entretien : la politique d’accueil');
    expect(monday.summaryLanguage).toBe('fr');
  });

  it('keeps local time when the clocks go back, and in a zone far from Europe', () => {
    const afterAutumn = read(
      buildSessionInvite({ ...base, start: new Date('2027-11-01T09:00:00Z'), end: new Date('2027-11-01T10:00:00Z') }),
    );
    expect(afterAutumn).toMatchObject({ local: '2027-11-01 09:00', utcByVtimezone: '2027-11-01T09:00' });
    const santiago = read(
      buildSessionInvite({
        ...base,
        timeZone: 'America/Santiago',
        start: new Date('2027-04-05T13:00:00Z'), // the Monday after Chile's clocks go back: 09:00 at UTC-4
        end: new Date('2027-04-05T14:00:00Z'),
      }),
    );
    expect(santiago).toMatchObject({ tzid: 'America/Santiago', local: '2027-04-05 09:00', utcByVtimezone: '2027-04-05T13:00' });
  });
});
