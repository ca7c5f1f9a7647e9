import ical, { escape, formatDate, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { buildVTimezone, icalLocal, wallClock } from './vtimezone';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface SessionInviteInput {
  /** Stable for the session (e.g. `session-<id>@peervisit`): an update or cancellation replaces the entry with this UID. */
  uid: string;
  /** Raise it on every change the recipient should see (time, place, cancellation); clients ignore a lower one. */
  sequence: number;
  /** REQUEST: create or update the entry; CANCEL: remove it (STATUS:CANCELLED). */
  method: 'REQUEST' | 'CANCEL';
  summary: string;
  description: string;
  location?: string | null;
  start: Date;
  end: Date;
  /**
   * The zone the session is planned in (IANA, e.g. 'Europe/Lisbon'): DTSTART and DTEND carry its TZID
   * and local time, with a VTIMEZONE built from the runtime's tz data (vtimezone.ts), so the entry
   * keeps its local time whatever a client's own rules say.
   */
  timeZone: string;
  /** The language of summary and description (RFC 5545 LANGUAGE parameter), e.g. 'fr'. */
  language?: string;
  organizer: CalendarPerson;
  attendee: CalendarPerson;
  url?: string;
}

export interface FeedEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location?: string | null;
  start: Date;
  end: Date;
  url?: string;
  /** The zone the session is planned in (IANA): local times with TZID and a VTIMEZONE, as in invites. UTC without it. */
  timeZone?: string;
}

export interface CalendarOptions {
  /** DTSTAMP of every event; default the current time. Pass it for deterministic output (tests). */
  now?: Date;
}

const PRODUCT_ID = { company: 'PeerVisit', product: 'PeerVisit', language: 'EN' };

/**
 * An iTIP (RFC 5546) message for one session and one attendee, as an RFC 5545 VCALENDAR: METHOD
 * REQUEST or CANCEL, one VEVENT. Lines are folded at 75 octets and end with CRLF.
 *
 * A burst sends the same session to many people: ical-generator writes the session once (per
 * method, sequence, language and text), with stand-ins for what is the recipient's own — the UID,
 * the attendee and DTSTAMP — and each invite is that text with the stand-ins filled in (with ical-generator's own escaping and
 * date format) and folded.
 * Writing and folding the whole calendar per recipient was the invite's cost, 15 % of the worker's
 * time in a burst (docs/performance.md §6). `icalGeneratorInvite` writes one alone; a test holds
 * that both give the same text.
 */
export function buildSessionInvite(input: SessionInviteInput, options: CalendarOptions = {}): string {
  checkInvite(input);
  // Without a name ical-generator writes no CN at all: rare enough to write alone.
  if (!input.attendee.name) return icalGeneratorInvite(input, options);
  const key = JSON.stringify([
    input.sequence,
    input.method,
    input.summary,
    input.description,
    input.location ?? null,
    input.start.getTime(),
    input.end.getTime(),
    input.timeZone,
    input.language ?? null,
    input.organizer.name,
    input.organizer.email,
    input.url ?? null,
  ]);
  let template = sessionTemplates.get(key);
  if (template === undefined) {
    const standIn = { ...input, uid: STAND_IN.uid, attendee: { name: STAND_IN.name, email: STAND_IN.email } };
    template = unfold(icalGeneratorInvite(standIn, { now: STAND_IN.stamp }));
    if (sessionTemplates.size >= MAX_SESSION_TEMPLATES) sessionTemplates.delete(sessionTemplates.keys().next().value!);
    sessionTemplates.set(key, template);
  }
  // Functions, not strings, as replacements: a name may hold `$&`.
  const filled = template
    .replace(STAND_IN.uidLine, () => `UID:${input.uid}`)
    .replace(STAND_IN.stampLine, () => `DTSTAMP:${formatDate(null, options.now ?? new Date())}`)
    .replace(
      STAND_IN.attendee,
      () => `CN="${escape(displayName(input.attendee.name), true)}":MAILTO:${escape(input.attendee.email, false)}`,
    );
  return fold(filled);
}

/** An invite as ical-generator writes it alone, for one attendee (`buildSessionInvite` fills in a session's text written once). */
export function icalGeneratorInvite(input: SessionInviteInput, options: CalendarOptions = {}): string {
  checkInvite(input);
  const cancel = input.method === 'CANCEL';
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: (zone) => buildVTimezone(zone, [input.start, input.end]) },
  });
  calendar.createEvent({
    ...eventData(input, options),
    start: zonedTime(input.start, input.timeZone),
    end: zonedTime(input.end, input.timeZone),
    timezone: input.timeZone,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: displayName(input.organizer.name), email: input.organizer.email },
    attendees: [
      {
        name: displayName(input.attendee.name),
        email: input.attendee.email,
        rsvp: false,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
      },
    ],
  });
  return withFinalCrlf(withLanguage(calendar.toString(), input.language));
}

function checkInvite(input: SessionInviteInput): void {
  checkEvent(input);
  checkTimeZone(input.timeZone);
  for (const [role, person] of [
    ['organizer', input.organizer],
    ['attendee', input.attendee],
  ] as const) {
    if (!person?.email) throw new Error(`A session invite needs an ${role} email address.`);
  }
}

/** Sessions written once, by everything but the recipient (the oldest dropped past the limit). */
const sessionTemplates = new Map<string, string>();
const MAX_SESSION_TEMPLATES = 1000;

/** What stands for the recipient's own values in a session's text: control characters no text of ours holds. */
const STAND_IN = {
  uid: '\u0001uid\u0001',
  name: '\u0001name\u0001',
  email: '\u0001email\u0001',
  stamp: new Date(0),
  uidLine: 'UID:\u0001uid\u0001',
  stampLine: 'DTSTAMP:19700101T000000Z',
  attendee: 'CN="\u0001name\u0001":MAILTO:\u0001email\u0001',
};

/**
 * A name as a CN parameter can hold it: a parameter value may not contain a double quote or a line
 * break (RFC 5545 3.2), and ical-generator would write them as \" and \n, which strict readers refuse.
 */
function displayName(name: string): string {
  return name.replace(/"/g, "'").replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Joins folded lines back (RFC 5545 3.1: CRLF followed by one space continues a line). */
function unfold(ics: string): string {
  return ics.replace(/\r\n /g, '');
}

/**
 * Folds every line at 75 octets as ical-generator does (74 octets of content on the first line,
 * a space and 74 on each next one), never inside a character; CRLF line ends.
 */
function fold(ics: string): string {
  return ics
    .split('\r\n')
    .map((line) => {
      // Most lines are short and ASCII: nothing to count.
      if (line.length <= 74 && !/[^\x00-\x7f]/.test(line)) return line;
      let out = '';
      let octets = 0;
      for (const char of line) {
        const code = char.codePointAt(0)!;
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        octets += size;
        if (octets > 74) {
          out += '\r\n ';
          octets = size;
        }
        out += char;
      }
      return out;
    })
    .join('\r\n');
}

/**
 * An instant that ical-generator writes as its wall clock in a zone (`DTSTART;TZID=…:20270329T090000`).
 * A native Date would be written in the server process's own zone; this is the small date object
 * interface ical-generator accepts (format, tz, toDate, isValid), backed by Intl.
 */
function zonedTime(instant: Date, zone: string) {
  const at = (target: string) => ({
    isValid: () => true,
    toDate: () => new Date(instant.getTime()),
    tz: (other: string) => at(other),
    format: (pattern: string) => {
      const local = icalLocal(wallClock(target, instant.getTime()));
      if (pattern === 'YYYYMMDD') return local.slice(0, 8);
      if (pattern === 'HHmmss') return local.slice(9);
      throw new Error(`Unexpected date pattern ${pattern}`);
    },
  });
  return at(zone) as unknown as Date;
}

/**
 * Marks SUMMARY and DESCRIPTION with the language they are written in. `ics` is folded (as
 * ical-generator writes it): the lines are joined, marked and folded again, so that the longer
 * first lines still keep to 75 octets.
 */
function withLanguage(ics: string, language: string | undefined): string {
  if (!language) return ics;
  return fold(unfold(ics).replace(/^(SUMMARY|DESCRIPTION)(?=[:;])/gm, `$1;LANGUAGE=${language}`));
}

/**
 * A person's private calendar feed (subscribe by URL): METHOD:PUBLISH, no organizer or attendees.
 * An event with a time zone is written like an invite (TZID, local time), with one VTIMEZONE per
 * zone covering the years of that zone's events. `language` marks SUMMARY and DESCRIPTION.
 */
export function buildCalendarFeed(events: FeedEvent[], name: string, options: CalendarOptions & { language?: string } = {}): string {
  const instantsByZone = new Map<string, Date[]>();
  for (const event of events) {
    checkEvent(event);
    if (event.timeZone) {
      checkTimeZone(event.timeZone);
      instantsByZone.set(event.timeZone, [...(instantsByZone.get(event.timeZone) ?? []), event.start, event.end]);
    }
  }
  // ttl: REFRESH-INTERVAL / X-PUBLISHED-TTL, how often subscribed clients should fetch the feed again.
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    name,
    ttl: FEED_REFRESH_SECONDS,
    timezone: { name: null, generator: (zone) => buildVTimezone(zone, instantsByZone.get(zone) ?? []) },
  });
  for (const event of events) {
    const zone = event.timeZone;
    calendar.createEvent({
      ...eventData(event, options),
      ...(zone ? { start: zonedTime(event.start, zone), end: zonedTime(event.end, zone), timezone: zone } : {}),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return withFinalCrlf(withLanguage(calendar.toString(), options.language));
}

const FEED_REFRESH_SECONDS = 60 * 60;

/** RFC 5545: every content line ends with CRLF, the last one too (ical-generator leaves it off). */
function withFinalCrlf(ics: string): string {
  return ics.endsWith('\r\n') ? ics : `${ics}\r\n`;
}

function eventData(event: FeedEvent, options: CalendarOptions) {
  return {
    id: event.uid,
    sequence: event.sequence,
    stamp: options.now ?? new Date(),
    start: event.start,
    end: event.end,
    summary: event.summary,
    description: event.description,
    location: event.location || null,
    url: event.url || null,
  };
}

function checkEvent(event: FeedEvent): void {
  if (!event.uid) throw new Error('A calendar event needs a UID.');
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new Error(`Calendar event ${event.uid}: SEQUENCE must be a whole number of 0 or more, got ${event.sequence}.`);
  }
  for (const field of ['start', 'end'] as const) {
    const value = event[field];
    if (!(value instanceof Date) || Number.isNaN(value.getTime()))
      throw new Error(`Calendar event ${event.uid}: ${field} is not a valid date.`);
  }
  if (event.end.getTime() < event.start.getTime()) throw new Error(`Calendar event ${event.uid} ends before it starts.`);
}

/** Zones already found valid (the check builds an Intl formatter, which is slow to make). */
const validZones = new Set<string>();

function checkTimeZone(timeZone: string): void {
  if (validZones.has(timeZone)) return;
  try {
    if (!timeZone) throw new Error('no time zone given');
    new Intl.DateTimeFormat('en', { timeZone });
  } catch (error) {
    throw new Error(`A session invite needs a valid IANA time zone, got "${timeZone}": ${(error as Error).message}`, { cause: error });
  }
  validZones.add(timeZone);
}
