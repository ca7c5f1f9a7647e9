import { buildCalendarFeed, buildSessionInvite, icalGeneratorInvite, SessionInviteInput } from './session-invite';

// A small strict parser of our own: it checks the physical format (CRLF, 75-octet lines, folding) and
// then reads properties and components. session-invite-dst.spec.ts reads invites with a real one
// (python's icalendar) across a daylight-saving change.

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  properties: Property[];
  components: Component[];
}

function parseIcs(ics: string): Component {
  if (!ics.endsWith('\r\n')) throw new Error('the last line does not end with CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  physical.forEach((line, i) => {
    if (/[\r\n]/.test(line)) throw new Error(`line ${i + 1} has a bare CR or LF`);
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > 75) throw new Error(`line ${i + 1} is ${octets} octets long: ${line}`);
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line)) {
      throw new Error(`line ${i + 1} splits a character in two`);
    }
    if (line === '') throw new Error(`line ${i + 1} is empty`);
  });
  // Unfold: a line that starts with a space or a tab continues the previous one (RFC 5545 3.1).
  const logical: string[] = [];
  for (const line of physical) {
    if (line[0] === ' ' || line[0] === '\t') {
      if (!logical.length) throw new Error('the first line is a continuation');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const root: Component = { name: '', properties: [], components: [] };
  const stack: Component[] = [root];
  for (const line of logical) {
    const property = parseContentLine(line);
    const current = stack[stack.length - 1];
    if (property.name === 'BEGIN') {
      const component: Component = { name: property.value, properties: [], components: [] };
      current.components.push(component);
      stack.push(component);
    } else if (property.name === 'END') {
      if (current.name !== property.value) throw new Error(`END:${property.value} closes ${current.name || 'nothing'}`);
      stack.pop();
    } else {
      if (current === root) throw new Error(`property ${property.name} outside any component`);
      current.properties.push(property);
    }
  }
  if (stack.length !== 1) throw new Error(`${stack[stack.length - 1].name} is not closed`);
  if (root.components.length !== 1 || root.components[0].name !== 'VCALENDAR') throw new Error('not one VCALENDAR');
  return root.components[0];
}

/** name *(";" param) ":" value, with quoted parameter values (RFC 5545 3.1). */
function parseContentLine(line: string): Property {
  const match = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
  if (!match) throw new Error(`not a content line: ${line}`);
  const params: Record<string, string> = {};
  for (const [, name, value] of match[2].matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)/g)) {
    params[name.toUpperCase()] = value.replace(/^"(.*)"$/, '$1');
  }
  return { name: match[1].toUpperCase(), params, value: match[3] };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function props(component: Component, name: string): Property[] {
  return component.properties.filter((p) => p.name === name);
}

function one(component: Component, name: string): Property {
  const found = props(component, name);
  if (found.length !== 1) throw new Error(`${component.name} has ${found.length} ${name}`);
  return found[0];
}

function text(component: Component, name: string): string {
  return unescapeText(one(component, name).value);
}

/** A UTC DATE-TIME (YYYYMMDDTHHMMSSZ) as an instant; a TZID or a floating time fails. */
function instant(property: Property): Date {
  if (property.params.TZID) throw new Error(`${property.name} has a TZID; expected UTC`);
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(property.value);
  if (!m) throw new Error(`${property.name} is not a UTC date-time: ${property.value}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/**
 * A DATE-TIME with a TZID as an instant, through the calendar's own VTIMEZONE: the observance in force
 * is the last one whose DTSTART (a local time) is not after the value, and its TZOFFSETTO applies.
 */
function zoned(calendar: Component, property: Property): Date {
  const zone = calendar.components.find((c) => c.name === 'VTIMEZONE' && one(c, 'TZID').value === property.params.TZID);
  if (!zone) throw new Error(`${property.name}: no VTIMEZONE for TZID ${property.params.TZID}`);
  const local = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(property.value);
  if (!local) throw new Error(`${property.name} is not a local date-time: ${property.value}`);
  const observance = zone.components
    .filter((o) => one(o, 'DTSTART').value <= property.value)
    .sort((a, b) => (one(a, 'DTSTART').value < one(b, 'DTSTART').value ? -1 : 1))
    .pop();
  if (!observance) throw new Error(`${property.name}: no observance of ${property.params.TZID} covers ${property.value}`);
  const offset = /^([+-])(\d{2})(\d{2})$/.exec(one(observance, 'TZOFFSETTO').value)!;
  const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Date(Date.UTC(+local[1], +local[2] - 1, +local[3], +local[4], +local[5], +local[6]) - minutes * 60_000);
}

const vevent = (calendar: Component) => calendar.components.find((c) => c.name === 'VEVENT')!;

const NOW = new Date('2027-03-01T12:00:00Z');

const invite: SessionInviteInput = {
  uid: 'session-5c19b2e0@peervisit',
  sequence: 2,
  method: 'REQUEST',
  summary: 'Interview: Integration policy in the city administration (Rotterdam 2027: Promoting cultural diversity)',
  description:
    'Your part: lead interviewer.\nYou will meet: Head of the diversity department, Policy officer for newcomers; HR adviser.\n' +
    'Notes: ask about Tromsø, Zürich and Łódź 😀 — ' +
    'ø'.repeat(80),
  location: 'Stadhuis, Coolsingel 40, room 2.14',
  start: new Date('2027-03-10T08:00:00Z'),
  end: new Date('2027-03-10T09:30:00Z'),
  timeZone: 'Europe/Oslo',
  organizer: { name: 'PeerVisit', email: 'noreply@peervisit.example.org' },
  attendee: { name: 'Marta Rossi', email: 'marta.rossi@example.org' },
  url: 'https://peervisit.example.org/reviews/8d2e41b7/programme#session-5c19',
};

describe('buildSessionInvite', () => {
  it('writes a REQUEST with one confirmed event for the attendee', () => {
    const ics = buildSessionInvite(invite, { now: NOW });
    const calendar = parseIcs(ics);
    expect(one(calendar, 'VERSION').value).toBe('2.0');
    expect(one(calendar, 'PRODID').value).toContain('PeerVisit');
    expect(one(calendar, 'METHOD').value).toBe('REQUEST');
    // The session's zone travels with it: a VTIMEZONE, then the event in that zone's local time.
    expect(calendar.components.map((c) => c.name)).toEqual(['VTIMEZONE', 'VEVENT']);

    const event = vevent(calendar);
    expect(one(event, 'UID').value).toBe('session-5c19b2e0@peervisit');
    expect(one(event, 'SEQUENCE').value).toBe('2');
    expect(instant(one(event, 'DTSTAMP'))).toEqual(NOW);
    expect(one(event, 'DTSTART').params.TZID).toBe('Europe/Oslo');
    expect(one(event, 'DTSTART').value).toBe('20270310T090000');
    expect(zoned(calendar, one(event, 'DTSTART'))).toEqual(invite.start);
    expect(zoned(calendar, one(event, 'DTEND'))).toEqual(invite.end);
    expect(one(event, 'STATUS').value).toBe('CONFIRMED');
    expect(text(event, 'SUMMARY')).toBe(invite.summary);
    expect(text(event, 'DESCRIPTION')).toBe(invite.description);
    expect(text(event, 'LOCATION')).toBe(invite.location);
    expect(one(event, 'URL').value).toBe(invite.url);

    const organizer = one(event, 'ORGANIZER');
    expect(organizer.value.toLowerCase()).toBe('mailto:noreply@peervisit.example.org');
    expect(organizer.params.CN).toBe('PeerVisit');
    const attendee = one(event, 'ATTENDEE');
    expect(attendee.value.toLowerCase()).toBe('mailto:marta.rossi@example.org');
    expect(attendee.params).toMatchObject({ CN: 'Marta Rossi', RSVP: 'FALSE' });
  });

  it('folds long lines at 75 octets without splitting characters, with CRLF line ends', () => {
    const ics = buildSessionInvite(invite, { now: NOW });
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true); // the description really was folded
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(() => parseIcs(ics)).not.toThrow();
  });

  it('writes a CANCEL for the same UID with a higher SEQUENCE and STATUS:CANCELLED', () => {
    const calendar = parseIcs(buildSessionInvite({ ...invite, method: 'CANCEL', sequence: 3 }, { now: NOW }));
    expect(one(calendar, 'METHOD').value).toBe('CANCEL');
    const event = vevent(calendar);
    expect(one(event, 'UID').value).toBe(invite.uid);
    expect(one(event, 'SEQUENCE').value).toBe('3');
    expect(one(event, 'STATUS').value).toBe('CANCELLED');
    expect(one(event, 'ATTENDEE').value.toLowerCase()).toBe('mailto:marta.rossi@example.org');
    expect(zoned(calendar, one(event, 'DTSTART'))).toEqual(invite.start);
  });

  it('is deterministic when given now, and stamps the current time otherwise', () => {
    expect(buildSessionInvite(invite, { now: NOW })).toBe(buildSessionInvite(invite, { now: NOW }));
    const before = Date.now();
    const stamp = instant(one(vevent(parseIcs(buildSessionInvite(invite))), 'DTSTAMP')).getTime();
    expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamp).toBeLessThanOrEqual(Date.now());
  });

  it('leaves out LOCATION and URL when there are none', () => {
    const [event] = parseIcs(buildSessionInvite({ ...invite, location: null, url: undefined }, { now: NOW })).components;
    expect(props(event, 'LOCATION')).toEqual([]);
    expect(props(event, 'URL')).toEqual([]);
  });

  it('refuses an unknown time zone, an end before the start and a negative sequence', () => {
    expect(() => buildSessionInvite({ ...invite, timeZone: 'Mars/Olympus' })).toThrow(/valid IANA time zone, got "Mars\/Olympus"/);
    expect(() => buildSessionInvite({ ...invite, end: new Date('2027-03-10T07:00:00Z') })).toThrow(/ends before it starts/);
    expect(() => buildSessionInvite({ ...invite, sequence: -1 })).toThrow(/SEQUENCE/);
    expect(() => buildSessionInvite({ ...invite, start: new Date('not a date') })).toThrow(/start is not a valid date/);
  });
});

describe('buildSessionInvite, a session written once for many recipients', () => {
  const recipients = [
    { uid: 'session-5c19b2e0-a@peervisit', name: 'Marta Rossi', email: 'marta.rossi@example.org' },
    // Quotes, backslashes, separators and a replacement pattern in a name; characters of two to four octets.
    { uid: 'session-5c19b2e0-b@peervisit', name: 'Jean "JJ" D\\Arc; Dupont, $& $1 $\'', email: 'jj;dupont,x@example.org' },
    { uid: 'session-5c19b2e0-c@peervisit', name: 'Łukasz Żółć 😀 Øvergård', email: 'lukasz@example.org' },
    // Long enough for the attendee and UID lines to fold, at a different place for each.
    {
      uid: `session-${'7'.repeat(36)}-${'9'.repeat(36)}@peervisit`,
      name: 'A'.repeat(37) + 'é'.repeat(20),
      email: `${'x'.repeat(50)}@example.org`,
    },
  ];

  it('gives every recipient the invite ical-generator writes for them alone, in each method and language', () => {
    for (const variant of [
      {},
      { method: 'CANCEL' as const, sequence: 3 },
      { language: 'fr', summary: 'Entretien : la politique d’intégration' },
    ]) {
      for (const [i, recipient] of recipients.entries()) {
        const input: SessionInviteInput = {
          ...invite,
          ...variant,
          uid: recipient.uid,
          attendee: { name: recipient.name, email: recipient.email },
        };
        const now = new Date(NOW.getTime() + i * 1000);
        expect(buildSessionInvite(input, { now })).toBe(icalGeneratorInvite(input, { now }));
        expect(() => parseIcs(buildSessionInvite(input, { now }))).not.toThrow();
      }
    }
  });

  it('writes a changed session anew: new text, time or sequence is never taken from the one written before', () => {
    const first = buildSessionInvite(invite, { now: NOW });
    const moved = { ...invite, start: new Date('2027-03-11T08:00:00Z'), end: new Date('2027-03-11T09:00:00Z'), sequence: 3 };
    expect(buildSessionInvite(moved, { now: NOW })).toBe(icalGeneratorInvite(moved, { now: NOW }));
    expect(buildSessionInvite(moved, { now: NOW })).not.toBe(first);
    const renamed = { ...invite, summary: 'Interview: a new title', location: null };
    expect(buildSessionInvite(renamed, { now: NOW })).toBe(icalGeneratorInvite(renamed, { now: NOW }));
  });

  it('keeps lines marked with a language within 75 octets, in invites and feeds', () => {
    const french = { ...invite, language: 'fr' };
    expect(() => parseIcs(buildSessionInvite(french, { now: NOW }))).not.toThrow();
    expect(() => parseIcs(icalGeneratorInvite(french, { now: NOW }))).not.toThrow();
    expect(text(vevent(parseIcs(buildSessionInvite(french, { now: NOW }))), 'DESCRIPTION')).toBe(invite.description);
    const feed = buildCalendarFeed([{ ...invite }], 'Mes sessions', { language: 'fr', now: NOW });
    expect(() => parseIcs(feed)).not.toThrow();
  });

  it('writes a name with double quotes or line breaks as a parameter can hold it', () => {
    const quoted = { ...invite, attendee: { name: 'Jean "JJ"\nDupont', email: 'jj@example.org' } };
    const attendee = one(vevent(parseIcs(buildSessionInvite(quoted, { now: NOW }))), 'ATTENDEE');
    expect(attendee.params.CN).toBe("Jean 'JJ' Dupont");
  });

  it('writes an attendee without a name as ical-generator does (no CN)', () => {
    const nameless = { ...invite, attendee: { name: '', email: 'someone@example.org' } };
    expect(buildSessionInvite(nameless, { now: NOW })).toBe(icalGeneratorInvite(nameless, { now: NOW }));
    expect(one(vevent(parseIcs(buildSessionInvite(nameless, { now: NOW }))), 'ATTENDEE').params.CN).toBeUndefined();
  });
});

describe('buildCalendarFeed', () => {
  it('publishes every event, without organizer or attendees', () => {
    const events = [
      {
        uid: 'session-1@peervisit',
        sequence: 0,
        summary: 'Interview: Mayor',
        description: 'Your part: note-taker',
        start: invite.start,
        end: invite.end,
      },
      {
        uid: 'session-2@peervisit',
        sequence: 4,
        summary: 'Focus group: Youth workers, Rotterdam-Zuid',
        description: 'You will meet: youth workers; community centre staff',
        location: 'Wijkcentrum Het Klooster',
        start: new Date('2027-03-11T13:00:00Z'),
        end: new Date('2027-03-11T14:30:00Z'),
        url: 'https://peervisit.example.org/reviews/8d2e41b7/programme#session-2',
      },
    ];
    const ics = buildCalendarFeed(events, 'PeerVisit – Marta Rossi', { now: NOW });
    const calendar = parseIcs(ics);
    expect(one(calendar, 'METHOD').value).toBe('PUBLISH');
    expect(text(calendar, 'X-WR-CALNAME')).toBe('PeerVisit – Marta Rossi');
    expect(calendar.components.map((c) => c.name)).toEqual(['VEVENT', 'VEVENT']);
    calendar.components.forEach((event, i) => {
      expect(one(event, 'UID').value).toBe(events[i].uid);
      expect(one(event, 'SEQUENCE').value).toBe(String(events[i].sequence));
      expect(instant(one(event, 'DTSTAMP'))).toEqual(NOW);
      expect(instant(one(event, 'DTSTART'))).toEqual(events[i].start);
      expect(instant(one(event, 'DTEND'))).toEqual(events[i].end);
      expect(text(event, 'SUMMARY')).toBe(events[i].summary);
      expect(text(event, 'DESCRIPTION')).toBe(events[i].description);
      expect(props(event, 'ATTENDEE')).toEqual([]);
      expect(props(event, 'ORGANIZER')).toEqual([]);
    });
    expect(text(calendar.components[1], 'LOCATION')).toBe('Wijkcentrum Het Klooster');
    expect(buildCalendarFeed(events, 'PeerVisit – Marta Rossi', { now: NOW })).toBe(ics);
  });

  it('writes a valid empty feed', () => {
    const calendar = parseIcs(buildCalendarFeed([], 'Empty', { now: NOW }));
    expect(one(calendar, 'METHOD').value).toBe('PUBLISH');
    expect(calendar.components).toEqual([]);
  });
});
