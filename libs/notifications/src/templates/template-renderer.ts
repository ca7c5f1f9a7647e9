import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Language, languageOf } from '@peervisit/platform';
import Handlebars from 'handlebars';
import { formatMessage } from './catalogue';

/** The message templates: one folder each under this directory (subject.hbs, text.hbs, html.hbs, sample.json). */
export const TEMPLATE_NAMES = [
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
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * Messages that are always sent, whatever the person's notification settings (they carry a secret the
 * person asked for or needs to get in). Their footer says so instead of pointing at the settings.
 */
export const ALWAYS_SENT_TEMPLATES: readonly TemplateName[] = ['password-reset', 'invitation'];

export const TEMPLATE_FILES = ['subject.hbs', 'text.hbs', 'html.hbs'] as const;

export interface RenderOptions {
  /** IANA time zone the dates are shown in, e.g. 'Europe/Oslo'. */
  timeZone: string;
  /** BCP 47 locale for dates, numbers and lists, e.g. 'en-GB'. */
  locale: string;
  /** The catalogue the words come from (messages/<language>.json); the locale's language when omitted. */
  language?: Language;
}

export interface RenderedTemplate {
  subject: string;
  text: string;
  html: string;
}

export interface TemplateRendererOptions {
  /**
   * Compile with Handlebars' `strict` option: a variable the data lacks throws instead of rendering as
   * nothing. For tests and previews (checks that a payload covers a template); `{{#if x}}` still works.
   */
  strict?: boolean;
}

type Compiled = Record<keyof RenderedTemplate, Handlebars.TemplateDelegate>;

/** Data every template can read as `@timeZone`, `@locale`, `@language`, `@lang`, `@template` and `@alwaysSent`. */
interface RenderData {
  timeZone: string;
  locale: string;
  language: Language;
  lang: string;
  template: TemplateName;
  alwaysSent: boolean;
}

/**
 * Renders the email templates in `templatesDir` (default: the folder of this file). Each template is
 * read and compiled once, on first use. HTML escapes the data; subject and text do not (they are not
 * HTML). Shared partials live in `partials/` and are available to every template.
 */
export class TemplateRenderer {
  private readonly compiled = new Map<TemplateName, Compiled>();
  /** Escaping environment for HTML; non-escaping one for subject and text. Each has its own partials. */
  private readonly htmlEnv = Handlebars.create();
  private readonly textEnv = Handlebars.create();
  private partialsLoaded = false;

  constructor(
    private readonly templatesDir: string = __dirname,
    private readonly options: TemplateRendererOptions = {},
  ) {
    registerHelpers(this.htmlEnv, true);
    registerHelpers(this.textEnv, false);
  }

  render(template: TemplateName, data: object, options: RenderOptions): RenderedTemplate {
    const compiled = this.compile(template);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new Error(`Email template "${template}" needs an object of data, got ${Array.isArray(data) ? 'an array' : String(data)}.`);
    }
    const renderData: RenderData = {
      ...checkRenderOptions(options),
      language: options.language ?? languageOf(options.locale),
      lang: options.locale,
      template,
      alwaysSent: ALWAYS_SENT_TEMPLATES.includes(template),
    };
    const run = (part: keyof RenderedTemplate): string => {
      try {
        return compiled[part](data, { data: renderData });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Email template "${template}" (${part}.hbs) failed to render: ${reason}`, { cause: error });
      }
    };
    return {
      subject: tidySubject(run('subject')),
      text: tidyText(run('text')),
      html: tidyHtml(run('html')),
    };
  }

  /** The template's sample payload (sample.json), for previews and tests. */
  sample(template: TemplateName): Record<string, unknown> {
    const file = this.templateFile(template, 'sample.json');
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Email template "${template}": ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Compiles every template now, so that an incomplete folder fails at start-up rather than at send time. */
  compileAll(): void {
    for (const name of TEMPLATE_NAMES) this.compile(name);
  }

  private compile(template: TemplateName): Compiled {
    if (!(TEMPLATE_NAMES as readonly string[]).includes(template)) {
      throw new Error(`Unknown email template "${String(template)}". Known templates: ${TEMPLATE_NAMES.join(', ')}.`);
    }
    const cached = this.compiled.get(template);
    if (cached) return cached;
    this.loadPartials();
    const source = (file: (typeof TEMPLATE_FILES)[number]) => readFileSync(this.templateFile(template, file), 'utf8');
    const strict = !!this.options.strict;
    const compiled: Compiled = {
      subject: compileNow(this.textEnv, source('subject.hbs'), { noEscape: true, strict }, `${template}/subject.hbs`),
      text: compileNow(this.textEnv, source('text.hbs'), { noEscape: true, strict }, `${template}/text.hbs`),
      html: compileNow(this.htmlEnv, source('html.hbs'), { strict }, `${template}/html.hbs`),
    };
    this.compiled.set(template, compiled);
    return compiled;
  }

  private templateFile(template: TemplateName, file: string): string {
    const folder = join(this.templatesDir, template);
    if (!existsSync(folder)) {
      throw new Error(
        `Email template "${template}" has no folder: expected ${folder} with ${[...TEMPLATE_FILES, 'sample.json'].join(', ')}.`,
      );
    }
    const path = join(folder, file);
    if (!existsSync(path)) throw new Error(`Email template "${template}" is incomplete: ${file} is missing (expected ${path}).`);
    return path;
  }

  /** Registers every partials/*.hbs in both environments, compiled with that environment's options. */
  private loadPartials(): void {
    if (this.partialsLoaded) return;
    const dir = join(this.templatesDir, 'partials');
    const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.hbs')) : [];
    const strict = !!this.options.strict;
    for (const file of files) {
      const name = basename(file, '.hbs');
      const source = readFileSync(join(dir, file), 'utf8');
      this.htmlEnv.registerPartial(name, compileNow(this.htmlEnv, source, { strict }, `partials/${file}`));
      this.textEnv.registerPartial(name, compileNow(this.textEnv, source, { noEscape: true, strict }, `partials/${file}`));
    }
    this.partialsLoaded = true;
  }
}

/** Compiles at once (Handlebars compiles lazily), so that a syntax error names its file when the template is loaded. */
function compileNow(env: typeof Handlebars, source: string, options: CompileOptions, file: string): Handlebars.TemplateDelegate {
  try {
    env.precompile(source, options);
  } catch (error) {
    throw new Error(`Email template file ${file} does not compile: ${(error as Error).message}`, { cause: error });
  }
  return env.compile(source, options);
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/** Zone and locale pairs already found valid: the check makes an Intl formatter, slow enough to show in a burst's profile. */
const validRenderOptions = new Set<string>();

function checkRenderOptions(options: RenderOptions): { timeZone: string; locale: string } {
  const { timeZone, locale } = options ?? ({} as RenderOptions);
  if (!timeZone || !locale) throw new Error('Rendering an email needs both a timeZone and a locale.');
  const key = `${timeZone} ${locale}`;
  if (validRenderOptions.has(key)) return { timeZone, locale };
  try {
    new Intl.DateTimeFormat(locale, { timeZone });
  } catch (error) {
    throw new Error(`Cannot render an email for time zone "${timeZone}" and locale "${locale}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (validRenderOptions.size >= 1000) validRenderOptions.clear();
  validRenderOptions.add(key);
  return { timeZone, locale };
}

// ---- helpers ----------------------------------------------------------------------------------------

function renderData(options: Handlebars.HelperOptions | undefined, helper: string): RenderData {
  const data = options?.data as RenderData | undefined;
  if (!data?.timeZone || !data?.locale) throw new Error(`The "${helper}" helper needs the render's timeZone and locale.`);
  return data;
}

/** Handlebars passes its options object last; the helper's own arguments come before. */
function splitArgs(args: unknown[]): { params: unknown[]; options: Handlebars.HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as Handlebars.HelperOptions };
}

function toDate(value: unknown, helper: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(`The "${helper}" helper needs an ISO date-time, got ${value === undefined ? 'nothing' : JSON.stringify(value)}.`);
  }
  return date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** One Intl object per kind and locale (slow to make, cheap to reuse). */
const intlObjects = new Map<string, unknown>();
function intl<T>(kind: string, locale: string, make: () => T): T {
  const key = `${kind} ${locale}`;
  let made = intlObjects.get(key) as T | undefined;
  if (made === undefined) {
    made = make();
    intlObjects.set(key, made);
  }
  return made;
}

/** "Wednesday 10 March 2027" in the render's zone and locale. */
export function formatDateOnly(date: Date, timeZone: string, locale: string): string {
  return formatter(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "09:00 CET" (or "09:00 GMT-5" where the locale has no abbreviation): the zone is always shown. */
export function formatTime(date: Date, timeZone: string, locale: string): string {
  return formatter(locale, { timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(date);
}

/** "Wednesday 10 March 2027, 09:00 CET". */
export function formatDateTime(date: Date, timeZone: string, locale: string): string {
  return `${formatDateOnly(date, timeZone, locale)}, ${formatTime(date, timeZone, locale)}`;
}

/** "Wednesday 10 March 2027, 09:00–10:30 CET" on one day; both ends in full when it spans days. */
export function formatDateRange(start: Date, end: Date, timeZone: string, locale: string): string {
  if (formatDateOnly(start, timeZone, locale) !== formatDateOnly(end, timeZone, locale)) {
    return `${formatDateTime(start, timeZone, locale)} – ${formatDateTime(end, timeZone, locale)}`;
  }
  const startTime = formatter(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(start);
  return `${formatDateOnly(start, timeZone, locale)}, ${startTime}–${formatTime(end, timeZone, locale)}`;
}

/**
 * "Wednesday 10 March 2027, 09:00–10:30 CET" in the zone where the meeting happens, and the
 * reader's own time beside it when their clock shows another time ("(08:00–09:30 GMT your time)").
 */
export function formatSessionTime(
  start: Date,
  end: Date,
  hostTimeZone: string,
  data: Pick<RenderData, 'timeZone' | 'locale' | 'language'>,
): string {
  const host = formatDateRange(start, end, hostTimeZone, data.locale);
  const wallClock = (zone: string) => formatter('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(start);
  if (hostTimeZone === data.timeZone || wallClock(hostTimeZone) === wallClock(data.timeZone)) return host;
  const yours = formatDateRange(start, end, data.timeZone, data.locale);
  return formatMessage(data.language, data.locale, 'common.withYourTime', { hostTime: host, yourTime: yours });
}

/** An optional zone argument (e.g. the host city's), else the render's zone. */
function zoneOf(value: unknown, data: RenderData): string {
  return typeof value === 'string' && value ? value : data.timeZone;
}

function registerHelpers(env: typeof Handlebars, html: boolean): void {
  /**
   * {{t "key" name=value}}: a message of the reader's catalogue, ICU MessageFormat. In HTML the
   * values are escaped and `<b>` becomes `<strong>`; in subject and text the tags leave their words.
   */
  env.registerHelper('t', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const data = renderData(options, 't');
    const key = params[0];
    if (typeof key !== 'string') throw new Error(`The "t" helper needs a message key, got ${JSON.stringify(key)}.`);
    const hash = (options.hash ?? {}) as Record<string, unknown>;
    if (!html) return formatMessage(data.language, data.locale, key, hash);
    const escaped = Object.fromEntries(
      Object.entries(hash).map(([name, value]) => [
        name,
        value instanceof Handlebars.SafeString ? value.toString() : typeof value === 'string' ? Handlebars.escapeExpression(value) : value,
      ]),
    );
    const text = formatMessage(data.language, data.locale, key, escaped, (tag, chunks) =>
      tag === 'b' ? `<strong>${chunks.join('')}</strong>` : chunks.join(''),
    );
    // The values were escaped above; the catalogue's own text is ours (plain words and the tags above).
    return new Handlebars.SafeString(text);
  });
  /** {{sessionTime startAt endAt hostTimeZone}}: the session's time where it happens, and the reader's own when different. */
  env.registerHelper('sessionTime', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const data = renderData(options, 'sessionTime');
    return formatSessionTime(toDate(params[0], 'sessionTime'), toDate(params[1], 'sessionTime'), zoneOf(params[2], data), data);
  });
  /** {{date startAt}}: date and time with the zone, in the render's time zone and locale ({{date startAt zone}}: in that zone). */
  env.registerHelper('date', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const data = renderData(options, 'date');
    return formatDateTime(toDate(params[0], 'date'), zoneOf(params[1], data), data.locale);
  });
  /** {{dateOnly dueAt}}: the calendar day in the render's time zone. */
  env.registerHelper('dateOnly', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const data = renderData(options, 'dateOnly');
    return formatDateOnly(toDate(params[0], 'dateOnly'), zoneOf(params[1], data), data.locale);
  });
  /** {{time endAt}}: the time of day with the zone ({{time startAt zone}}: in that zone). */
  env.registerHelper('time', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const data = renderData(options, 'time');
    return formatTime(toDate(params[0], 'time'), zoneOf(params[1], data), data.locale);
  });
  /** {{dateRange startAt endAt}}: "Wednesday 10 March 2027, 09:00–10:30 CET". */
  env.registerHelper('dateRange', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const { timeZone, locale } = renderData(options, 'dateRange');
    return formatDateRange(toDate(params[0], 'dateRange'), toDate(params[1], 'dateRange'), timeZone, locale);
  });
  /** {{plural count "day" "days"}}: "1 day", "3 days" (the count, then the word the locale's rules pick). */
  env.registerHelper('plural', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const [count, singular, plural] = params;
    const n = Number(count);
    if (!Number.isFinite(n) || typeof singular !== 'string' || typeof plural !== 'string') {
      throw new Error(`The "plural" helper needs a number, a singular and a plural, got ${JSON.stringify(params)}.`);
    }
    const { locale } = renderData(options, 'plural');
    const word = intl('plural', locale, () => new Intl.PluralRules(locale)).select(n) === 'one' ? singular : plural;
    return `${intl('number', locale, () => new Intl.NumberFormat(locale)).format(n)} ${word}`;
  });
  /**
   * {{relativeDays n}}: "today", "tomorrow", "in 3 days", "yesterday", "2 days ago" in the render's locale;
   * {{relativeDays n capitalize=true}} for the start of a sentence or subject.
   */
  env.registerHelper('relativeDays', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const n = Number(params[0]);
    if (params[0] === undefined || params[0] === null || !Number.isFinite(n)) {
      throw new Error(`The "relativeDays" helper needs a number of days, got ${JSON.stringify(params[0])}.`);
    }
    const { locale } = renderData(options, 'relativeDays');
    const phrase = intl('relative', locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(n, 'day');
    return options.hash?.capitalize ? phrase.charAt(0).toLocaleUpperCase(locale) + phrase.slice(1) : phrase;
  });
  /**
   * {{join list}}: "a, b and c" by the locale's rules; {{join list "; "}} joins with the given separator.
   * Empty or missing lists give "".
   */
  env.registerHelper('join', (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const [list, separator] = params;
    if (list === undefined || list === null) return '';
    if (!Array.isArray(list)) throw new Error(`The "join" helper needs a list, got ${JSON.stringify(list)}.`);
    const items = list.map(String);
    if (typeof separator === 'string') return items.join(separator);
    const { locale } = renderData(options, 'join');
    return intl('list', locale, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
  });
}

// ---- output tidying ---------------------------------------------------------------------------------

/** One line, single spaces: a subject never carries a line break. */
function tidySubject(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}

/** No trailing spaces, at most one blank line in a row, one final newline. */
function tidyText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

function tidyHtml(html: string): string {
  return (
    html
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
