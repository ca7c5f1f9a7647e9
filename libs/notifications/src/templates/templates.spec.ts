import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALWAYS_SENT_TEMPLATES,
  formatDateRange,
  formatDateTime,
  TEMPLATE_NAMES,
  TemplateName,
  TemplateRenderer,
} from './template-renderer';

const OSLO = { timeZone: 'Europe/Oslo', locale: 'en-GB' };
const NEW_YORK = { timeZone: 'America/New_York', locale: 'en-GB' };

const renderer = new TemplateRenderer();
/** Strict: a variable a template uses but the data lacks throws instead of rendering as nothing. */
const strict = new TemplateRenderer(__dirname, { strict: true });

/** The templates that carry no link (a cancellation has nothing to open); every other one has one. */
const TEMPLATES_WITHOUT_LINK: TemplateName[] = ['session-cancelled'];

/** Signs of a variable that rendered wrong, whatever the template. */
const BROKEN = /undefined|\[object Object\]|Invalid Date|NaN|\{\{|\}\}/;

describe('email templates', () => {
  it('has exactly the agreed templates, one folder each', () => {
    expect([...TEMPLATE_NAMES]).toEqual([
      'password-reset',
      'invitation',
      'self-assessment-due',
      'session-reminder',
      'session-updated',
      'session-cancelled',
      'evidence-nudge',
      'conclusions-due',
      'follow-up-checkpoint',
      'next-assessment',
      'report-published',
      'self-assessment-returned',
      'plan-action-due',
      'plan-action-escalated',
      'report-due',
      'report-overdue',
      'erased-from-published-report',
      'icc-index-due',
      'icc-index-overdue',
      'icc-index-next',
    ]);
    const folders = readdirSync(__dirname).filter(
      (entry) => statSync(join(__dirname, entry)).isDirectory() && !['partials', 'messages', '__snapshots__'].includes(entry),
    );
    expect(folders.sort()).toEqual([...TEMPLATE_NAMES].sort());
    for (const name of TEMPLATE_NAMES) {
      expect(readdirSync(join(__dirname, name)).sort()).toEqual(['html.hbs', 'sample.json', 'subject.hbs', 'text.hbs']);
    }
  });

  describe.each(TEMPLATE_NAMES.map((name) => [name]))('%s', (name: TemplateName) => {
    it('renders its sample as in the snapshot', () => {
      const { subject, text, html } = renderer.render(name, renderer.sample(name), OSLO);
      expect(subject).toMatchSnapshot('subject');
      expect(text).toMatchSnapshot('text');
      expect(html).toMatchSnapshot('html');
    });

    it('has a sample that covers every variable its files use (strict compile)', () => {
      const rendered = strict.render(name, strict.sample(name), OSLO);
      for (const part of [rendered.subject, rendered.text, rendered.html]) {
        expect(part.trim()).not.toBe('');
        expect(part).not.toMatch(BROKEN);
      }
    });

    it('is a short one-line subject, a plain text body and an HTML page with header and footer', () => {
      const { subject, text, html } = renderer.render(name, renderer.sample(name), OSLO);
      expect(subject).not.toMatch(/[\r\n]/);
      expect(subject.length).toBeLessThanOrEqual(120);
      expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(text).not.toMatch(/&(amp|lt|gt|quot|#x27|#x3D);/);
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toMatch(/>PeerVisit<\/p>/);
      expect(text).toMatch(/You get this because /);
      expect(html).toMatch(/You get this because /);
      if (ALWAYS_SENT_TEMPLATES.includes(name)) {
        expect(text).toMatch(/always sent/);
        expect(html).toMatch(/always sent/);
        expect(text).not.toMatch(/turn off/);
      } else {
        expect(text).toMatch(/turn off optional reminders like this one in your PeerVisit settings/);
        expect(html).toMatch(/turn off optional reminders like this one in your PeerVisit settings/);
      }
    });

    if (TEMPLATES_WITHOUT_LINK.includes(name)) {
      it('has no link: no address in the text, no button in the HTML', () => {
        const sample = renderer.sample(name);
        expect(sample.link).toBeUndefined();
        const { text, html } = renderer.render(name, sample, OSLO);
        expect(text).not.toMatch(/https?:\/\//);
        expect(html).not.toMatch(/<a\s/);
      });
    } else {
      it('shows the link of its sample in the text and as the button in the HTML', () => {
        const sample = renderer.sample(name);
        expect(sample.link).toEqual(expect.stringMatching(/^https?:\/\//));
        const link = sample.link as string;
        const { text, html } = renderer.render(name, sample, OSLO);
        expect(text).toContain(link);
        expect(html).toContain(`href="${link.replace(/=/g, '&#x3D;')}"`);
      });
    }
  });

  it('escapes data in HTML but not in the subject or text', () => {
    const data = {
      ...renderer.sample('session-reminder'),
      recipientName: '<script>alert("x")</script>',
      sessionTitle: 'Meeting Smith & Jones',
    };
    const { subject, text, html } = renderer.render('session-reminder', data, OSLO);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Meeting Smith &amp; Jones');
    expect(text).toContain('Hello <script>alert("x")</script>,');
    expect(text).toContain('Meeting Smith & Jones');
    expect(text).not.toContain('&amp;');
    expect(subject).toContain('Meeting Smith & Jones');
    expect(subject).not.toContain('&amp;');
  });

  it('throws on an unknown template', () => {
    expect(() => renderer.render('no-such-template' as TemplateName, {}, OSLO)).toThrow(
      /Unknown email template "no-such-template"\. Known templates: password-reset, invitation/,
    );
  });

  it('throws on an unknown time zone or a missing locale', () => {
    const sample = renderer.sample('session-reminder');
    expect(() => renderer.render('session-reminder', sample, { timeZone: 'Europe/Atlantis', locale: 'en-GB' })).toThrow(/Europe\/Atlantis/);
    expect(() => renderer.render('session-reminder', sample, { timeZone: 'Europe/Oslo', locale: '' })).toThrow(/timeZone and a locale/);
  });

  it('shows dates in the time zone it is given, with the zone', () => {
    const sample = renderer.sample('session-reminder'); // starts 2027-03-10T08:00Z
    const oslo = renderer.render('session-reminder', sample, OSLO);
    const newYork = renderer.render('session-reminder', sample, NEW_YORK);
    // The session's time is the host city's (Amsterdam); a reader whose clock differs gets theirs beside it.
    expect(oslo.text).toContain('When: Wednesday, 10 March 2027, 09:00–10:30 CET\n');
    expect(newYork.text).toMatch(
      /When: Wednesday, 10 March 2027, 09:00–10:30 CET \(Wednesday, 10 March 2027, 03:00–04:30 (EST|GMT-5) your time\)\n/,
    );
    expect(oslo.subject).toContain('09:00 CET');
    expect(newYork.subject).toContain('09:00 CET');

    // Summer time is the zone's, on the day of the instant.
    expect(formatDateTime(new Date('2027-07-01T08:00:00Z'), 'Europe/Oslo', 'en-GB')).toBe('Thursday, 1 July 2027, 10:00 CEST');
    // The calendar day is the zone's too: late evening in New York is already the next day in Oslo.
    const lateEvening = new Date('2027-03-11T03:30:00Z');
    expect(formatDateTime(lateEvening, 'America/New_York', 'en-GB')).toMatch(/^Wednesday, 10 March 2027, 22:30 /);
    expect(formatDateTime(lateEvening, 'Europe/Oslo', 'en-GB')).toBe('Thursday, 11 March 2027, 04:30 CET');
    // A session over midnight shows both ends in full.
    expect(formatDateRange(new Date('2027-03-10T21:00:00Z'), new Date('2027-03-10T23:30:00Z'), 'Europe/Oslo', 'en-GB')).toBe(
      'Wednesday, 10 March 2027, 22:00 CET – Thursday, 11 March 2027, 00:30 CET',
    );
  });

  it('uses the locale for dates, numbers and lists', () => {
    const data = { ...renderer.sample('session-reminder'), daysBefore: 3 };
    const { text } = renderer.render('session-reminder', data, { timeZone: 'Europe/Oslo', locale: 'de-DE' });
    expect(text).toContain('Mittwoch, 10. März 2027, 09:00–10:30 MEZ');
    expect(text).toContain('In 3 Tagen nehmen Sie an diesem Termin des Peer-Reviews teil');
    expect(text).toContain('Policy officer for newcomers und HR adviser');
  });

  it('says today, tomorrow or in n days, and counts with the right plural', () => {
    const sample = renderer.sample('session-reminder');
    const subject = (daysBefore: number) => renderer.render('session-reminder', { ...sample, daysBefore }, OSLO).subject;
    expect(subject(0)).toMatch(/^Today, 09:00 CET: /);
    expect(subject(1)).toMatch(/^Tomorrow, 09:00 CET: /);
    expect(subject(7)).toMatch(/^In 7 days, 09:00 CET: /);

    const conclusions = renderer.sample('conclusions-due') as { missingKeyFactors: unknown[] };
    const one = renderer.render('conclusions-due', { ...conclusions, missingKeyFactors: conclusions.missingKeyFactors.slice(0, 1) }, OSLO);
    expect(one.text).toContain('1 key factor is still without a conclusion:');
    expect(renderer.render('conclusions-due', conclusions, OSLO).text).toContain('2 key factors are still without a conclusion:');
    const none = renderer.render('conclusions-due', { ...conclusions, missingKeyFactors: [] }, OSLO);
    expect(none.text).toContain('Every key factor has a conclusion.');
    expect(none.text).not.toContain('still without');

    const reset = renderer.render('password-reset', { ...renderer.sample('password-reset'), validMinutes: 1 }, OSLO);
    expect(reset.text).toContain('expire in 1 minute.');
  });

  it('renders an invitation without a recipient name, and a session without a place or stakeholders', () => {
    const { recipientName: _name, ...invitation } = strict.sample('invitation');
    const invited = strict.render('invitation', invitation, OSLO);
    expect(invited.text).toMatch(/^Hello,\n/);
    expect(invited.html).toContain('>Hello,</p>');

    // Any template greets without a name when the person has none on record.
    const nameless = strict.render('evidence-nudge', { ...strict.sample('evidence-nudge'), recipientName: '' }, OSLO);
    expect(nameless.text).toMatch(/^Hello,\n\nYou have not logged/);

    const { location: _location, ...session } = strict.sample('session-reminder');
    const reminder = strict.render('session-reminder', { ...session, stakeholders: [] }, OSLO);
    expect(reminder.text).toContain('Where: not set yet, see the programme');
    expect(reminder.text).not.toContain('You will meet');
    for (const part of [invited.subject, invited.text, invited.html, reminder.subject, reminder.text, reminder.html]) {
      expect(part).not.toMatch(BROKEN);
    }
  });

  it('throws, naming the template and the variable, when strict and the data lacks a variable', () => {
    const { sessionTitle: _title, ...data } = strict.sample('evidence-nudge');
    expect(() => strict.render('evidence-nudge', data, OSLO)).toThrow(
      /"evidence-nudge" \(subject\.hbs\).*"evidence-nudge\.subject" needs "title", which is not defined/,
    );
    const { dueAt: _due, ...noDate } = strict.sample('next-assessment');
    // A date helper refuses a missing date even when not strict: "Invalid Date" must never reach anyone.
    expect(() => renderer.render('next-assessment', noDate, OSLO)).toThrow(
      /"next-assessment" \(text\.hbs\).*"dateOnly" helper needs an ISO date-time, got nothing/,
    );
  });

  describe('template folders on disk', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'peervisit-templates-'));
      cpSync(__dirname, dir, { recursive: true, filter: (source) => !source.endsWith('.ts') && !source.includes('__snapshots__') });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('throws naming the template and the missing file when a folder is incomplete', () => {
      unlinkSync(join(dir, 'conclusions-due', 'html.hbs'));
      const incomplete = new TemplateRenderer(dir);
      expect(() => incomplete.render('conclusions-due', incomplete.sample('conclusions-due'), OSLO)).toThrow(
        `Email template "conclusions-due" is incomplete: html.hbs is missing (expected ${join(dir, 'conclusions-due', 'html.hbs')}).`,
      );
      expect(() => incomplete.compileAll()).toThrow(/"conclusions-due" is incomplete: html\.hbs is missing/);
      // The others still render.
      expect(incomplete.render('evidence-nudge', incomplete.sample('evidence-nudge'), OSLO).subject).toMatch(/^No evidence yet/);
    });

    it('throws naming the template when its folder is missing', () => {
      rmSync(join(dir, 'next-assessment'), { recursive: true });
      const missing = new TemplateRenderer(dir);
      expect(() => missing.render('next-assessment', {}, OSLO)).toThrow(/Email template "next-assessment" has no folder/);
    });

    it('throws naming the file when a template does not compile', () => {
      const file = join(dir, 'session-cancelled', 'text.hbs');
      writeFileSync(file, 'Hello {{#if recipientName}}{{recipientName}}\n');
      const broken = new TemplateRenderer(dir);
      expect(() => broken.render('session-cancelled', broken.sample('session-cancelled'), OSLO)).toThrow(
        /Email template file session-cancelled\/text\.hbs does not compile/,
      );
    });

    it('compiles each template once and keeps it', () => {
      const cached = new TemplateRenderer(dir);
      const sample = cached.sample('follow-up-checkpoint');
      const first = cached.render('follow-up-checkpoint', sample, OSLO);
      for (const file of ['subject.hbs', 'text.hbs', 'html.hbs']) unlinkSync(join(dir, 'follow-up-checkpoint', file));
      rmSync(join(dir, 'partials'), { recursive: true });
      expect(cached.render('follow-up-checkpoint', sample, OSLO)).toEqual(first);
    });
  });

  it('ships samples that are plain JSON objects', () => {
    for (const name of TEMPLATE_NAMES) {
      const sample = JSON.parse(readFileSync(join(__dirname, name, 'sample.json'), 'utf8'));
      expect(sample).toEqual(expect.any(Object));
      expect(Array.isArray(sample)).toBe(false);
    }
  });
});
