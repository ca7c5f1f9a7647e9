import { ORDINARY_WORDS } from './ordinary-words';

/** What stands in the text where a name was withheld. */
export const WITHHELD_NAME = '[name withheld]';

/** The people whose names the anonymiser knows about, for one review. */
export interface KnownPeople {
  /** The host city's stakeholders (and anyone met in the review's sessions). */
  stakeholders: { name: string | null; consentToBeNamed: boolean }[];
  /** The review team (expert leader and peers), whom the report names. */
  team: { name: string }[];
}

export type NameStatus = 'WITHHELD' | 'STANDING';
/**
 * Why a name was withheld or left: NOT_CONSENTED (withheld), CONSENTED and TEAM_MEMBER (may be named),
 * ORDINARY_WORD (a name part that is also an English word, where it may be the word: at the start of a
 * sentence), NEAR_MATCH (a word one or two letters away from a withheld name: a typo?).
 */
export type NameReason = 'NOT_CONSENTED' | 'CONSENTED' | 'TEAM_MEMBER' | 'ORDINARY_WORD' | 'NEAR_MATCH';

export interface NameFinding {
  /** Offsets in `text.normalize('NFC')` (the same as in the text for text already in NFC). */
  start: number;
  end: number;
  /** The words as written. */
  found: string;
  /** Whose name it is (or resembles). */
  name: string;
  status: NameStatus;
  reason: NameReason;
}

interface Phrase {
  name: string;
  reason: NameReason;
  tokens: string[];
  full: boolean;
}

/** Joined to names, never withheld alone: "van der Berg", "Abu Bakr", "de la Cruz". */
const PARTICLES = new Set([
  'a',
  'abu',
  'af',
  'al',
  'av',
  'ben',
  'bin',
  'bint',
  'da',
  'das',
  'de',
  'del',
  'della',
  'den',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'e',
  'el',
  'ibn',
  'la',
  'le',
  'lo',
  'mac',
  'mc',
  'st',
  'te',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
]);
/** Letters that do not decompose into a base letter and a mark. */
const LETTER_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', þ: 'th' };
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const LETTER = /[\p{L}\p{N}]/u;
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

interface Folded {
  text: string;
  /** For each code unit of the folded text, the span of the original character it came from. */
  from: number[];
  to: number[];
}

/** Lower case, without diacritics, one kind of apostrophe; keeps the way back to the original offsets. */
function fold(text: string): Folded {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const lower = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const f = (LETTER_FOLDS[lower] ?? lower).replace(APOSTROPHES, "'");
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { text: folded, from, to };
}

const foldName = (name: string) => fold(name.trim()).text.split(/\s+/).filter(Boolean);
const letters = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isOrdinary = (token: string) => ORDINARY_WORDS.has(token.replace(/[^\p{L}\p{N}]/gu, ''));
const capitalised = (word: string) => /^[^\p{L}]*\p{Lu}/u.test(word);

/** Whether the word starting at `at` begins a sentence (or a line, a heading, a bullet, a quotation). */
function atSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"'“”‘’«»„(\[¿¡*•·–—-]/u.test(text[i])) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?…:;]/.test(text[i]);
}

/** Optimal string alignment distance, or max + 1 once it is certainly larger than max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Every run of consecutive name parts worth matching: the full name, and parts that are not particles or initials. */
function phrasesOf(name: string, reason: NameReason): Phrase[] {
  const tokens = foldName(name);
  const phrases: Phrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= tokens.length; j++) {
      const run = tokens.slice(i, j);
      const full = i === 0 && j === tokens.length;
      // A surname keeps its particles ("van der Berg"); no other run starts or ends with one.
      if (!full && (PARTICLES.has(run[run.length - 1]) || (PARTICLES.has(run[0]) && j < tokens.length))) continue;
      if (!full && run.length === 1 && letters(run[0]) < 2) continue;
      if (letters(run.join('')) < 2) continue;
      phrases.push({ name: name.trim(), reason, tokens: run, full });
    }
  }
  return phrases;
}

/** One regular expression for many phrases, longest first (an alternation takes the first that matches). */
function phraseRegExp(phrases: Phrase[]): RegExp | null {
  const sources = [...new Set(phrases.map((p) => p.tokens.map(escapeRegExp).join('\\s+')))].sort((a, b) => b.length - a.length);
  return sources.length ? new RegExp(`${BEFORE}(?:${sources.join('|')})${AFTER}`, 'gu') : null;
}

const keyOf = (folded: string) => folded.split(/\s+/).join(' ');

/**
 * The one anonymiser: the report and every GraphQL view that the host city or observers read pass
 * team-written text through it, so both withhold the same names in the same places.
 *
 * Rules, for each stakeholder who did not consent to be named (and whose name is not also that of a
 * consenting stakeholder or a team member):
 * - the full name, and any run of its parts ("Haddad", "Amira", "Abu Bakr"), in any case, with or
 *   without diacritics ("Jose" for "José"), typographic apostrophes folded, at word boundaries
 *   (so "Haddad's" and "Haddad-led" are caught, "Haddadi" is not) are withheld;
 * - except a part that is also an ordinary English word (ORDINARY_WORDS: "Hope", "Will", "Said"),
 *   which is withheld only when capitalised and not at the start of a sentence, or in the possessive
 *   ("Hope's"); at a sentence start it is left and reported; in lower case it is the word;
 * - particles ("van", "de", "al") and initials are never withheld alone;
 * - a consenting stakeholder's or team member's full name is never touched, even where it shares a
 *   part with a withheld name.
 * scan() also reports names that stand: consented and team names, ordinary words left, and words
 * within one or two letters of a withheld name part (typos?), for the expert leader to check.
 */
export class NameAnonymiser {
  private readonly protectedRe: RegExp | null;
  private readonly protectedByKey = new Map<string, Phrase>();
  private readonly withheldRe: RegExp | null;
  private readonly withheldByKey = new Map<string, Phrase>();
  private readonly knownPartRe: RegExp | null;
  private readonly knownPartByKey = new Map<string, Phrase>();
  /** Withheld name parts worth a near-match check: not ordinary words, four letters or more. */
  private readonly nearTargets: { token: string; name: string }[];

  constructor(people: KnownPeople) {
    const known: { name: string; reason: NameReason }[] = [
      ...people.stakeholders
        .filter((s) => s.consentToBeNamed && s.name?.trim())
        .map((s) => ({ name: s.name!.trim(), reason: 'CONSENTED' as const })),
      ...people.team.filter((m) => m.name?.trim()).map((m) => ({ name: m.name.trim(), reason: 'TEAM_MEMBER' as const })),
    ];
    const knownKeys = new Set(known.map((k) => foldName(k.name).join(' ')));
    const withheld = people.stakeholders
      .filter((s) => !s.consentToBeNamed && s.name && letters(s.name) >= 2 && !knownKeys.has(foldName(s.name).join(' ')))
      .map((s) => s.name!.trim());

    const knownPhrases = known.flatMap((k) => phrasesOf(k.name, k.reason));
    for (const p of knownPhrases.filter((p) => p.full)) this.protectedByKey.set(p.tokens.join(' '), p);
    this.protectedRe = phraseRegExp([...this.protectedByKey.values()]);
    const withheldPhrases = withheld.flatMap((name) => phrasesOf(name, 'NOT_CONSENTED'));
    for (const p of withheldPhrases) if (!this.withheldByKey.has(p.tokens.join(' '))) this.withheldByKey.set(p.tokens.join(' '), p);
    this.withheldRe = phraseRegExp([...this.withheldByKey.values()]);
    for (const p of knownPhrases.filter((p) => !p.full && p.tokens.length === 1))
      if (!this.knownPartByKey.has(p.tokens[0])) this.knownPartByKey.set(p.tokens[0], p);
    this.knownPartRe = phraseRegExp([...this.knownPartByKey.values()]);
    this.nearTargets = [...this.withheldByKey.values()]
      .filter((p) => p.tokens.length === 1 && letters(p.tokens[0]) >= 4 && !isOrdinary(p.tokens[0]))
      .map((p) => ({ token: p.tokens[0], name: p.name }));
  }

  /** Whether there is any name to withhold (nothing to do otherwise). */
  get withholdsAny(): boolean {
    return this.withheldRe !== null;
  }

  /** The text with every name that must be withheld replaced by WITHHELD_NAME. */
  anonymise(text: string): string;
  anonymise(text: string | null): string | null;
  anonymise(text: string | null): string | null {
    if (!text || !this.withheldRe) return text;
    const withheld = this.scan(text, { standing: false }).filter((f) => f.status === 'WITHHELD');
    if (!withheld.length) return text;
    const nfc = text.normalize('NFC');
    let out = '';
    let at = 0;
    for (const f of withheld) {
      out += nfc.slice(at, f.start) + WITHHELD_NAME;
      at = f.end;
    }
    return out + nfc.slice(at);
  }

  /**
   * Every string in a plain JSON value anonymised (objects and arrays copied), except under the keys
   * given: codes and enum values that no one writes (a stakeholder called "Low" must not turn the
   * priority LOW into a withheld name).
   */
  anonymiseDeep<T>(value: T, structuralKeys: ReadonlySet<string> = new Set()): T {
    if (!this.withheldRe) return value;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.anonymise(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuralKeys.has(k) ? x : walk(x)]));
      return v;
    };
    return walk(value) as T;
  }

  /** Where names are in the text, withheld or standing, in order. `standing: false` skips what anonymise() does not need. */
  scan(text: string, options: { standing?: boolean } = {}): NameFinding[] {
    const standing = options.standing ?? true;
    const t = text.normalize('NFC');
    const f = fold(t);
    const findings: NameFinding[] = [];
    const taken: [number, number][] = [];
    const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
    const span = (fs: number, fe: number): [number, number] => {
      let end = f.to[fe - 1];
      while (end < t.length && /\p{M}/u.test(t[end])) end++;
      return [f.from[fs], end];
    };
    const add = (start: number, end: number, phrase: Pick<Phrase, 'name'>, status: NameStatus, reason: NameReason) => {
      taken.push([start, end]);
      findings.push({ start, end, found: t.slice(start, end), name: phrase.name, status, reason });
    };

    // 1. A consenting stakeholder's or team member's full name stands, and shields its parts.
    for (const m of this.protectedRe ? f.text.matchAll(this.protectedRe) : []) {
      const p = this.protectedByKey.get(keyOf(m[0]))!;
      const [s, e] = span(m.index!, m.index! + m[0].length);
      if (standing) add(s, e, p, 'STANDING', p.reason);
      else taken.push([s, e]);
    }

    // 2. Names to withhold.
    for (const m of this.withheldRe ? f.text.matchAll(this.withheldRe) : []) {
      const p = this.withheldByKey.get(keyOf(m[0]))!;
      const [s, e] = span(m.index!, m.index! + m[0].length);
      if (!free(s, e)) continue;
      const possessive = /^'s?(?![\p{L}\p{N}])/u.test(f.text.slice(m.index! + m[0].length));
      const words = [...t.slice(s, e).matchAll(/\S+/gu)].map((w) => ({ word: w[0], start: s + w.index!, end: s + w.index! + w[0].length }));
      const decide = (word: string, start: number, token: string, last: boolean): NameStatus | 'WORD' => {
        if (!isOrdinary(token)) return capitalised(word) || letters(token) >= 3 ? 'WITHHELD' : 'WORD';
        if (!capitalised(word)) return 'WORD';
        return atSentenceStart(t, start) && !(last && possessive) ? 'STANDING' : 'WITHHELD';
      };
      if (p.tokens.length === 1 || p.tokens.some((x) => !isOrdinary(x)) || words.every((w) => capitalised(w.word))) {
        const outcome = p.tokens.length === 1 ? decide(words[0].word, s, p.tokens[0], true) : 'WITHHELD';
        if (outcome === 'WITHHELD') add(s, e, p, 'WITHHELD', 'NOT_CONSENTED');
        else if (outcome === 'STANDING' && standing) add(s, e, p, 'STANDING', 'ORDINARY_WORD');
        continue;
      }
      // Ordinary words not all capitalised ("will Young"): each word on its own.
      words.forEach((w, i) => {
        const token = p.tokens[i];
        const part = this.withheldByKey.get(token);
        if (!part) return;
        const outcome = decide(w.word, w.start, token, i === words.length - 1);
        if (outcome === 'WITHHELD') add(w.start, w.end, part, 'WITHHELD', 'NOT_CONSENTED');
        else if (outcome === 'STANDING' && standing) add(w.start, w.end, part, 'STANDING', 'ORDINARY_WORD');
      });
    }

    if (standing) {
      // 3. Parts of names that may be named ("Lena said"): they stand, but the leader should know.
      for (const m of this.knownPartRe ? f.text.matchAll(this.knownPartRe) : []) {
        const p = this.knownPartByKey.get(keyOf(m[0]))!;
        const [s, e] = span(m.index!, m.index! + m[0].length);
        if (!free(s, e) || (isOrdinary(p.tokens[0]) && (!capitalised(t.slice(s, e)) || atSentenceStart(t, s)))) continue;
        add(s, e, p, 'STANDING', p.reason);
      }
      // 4. Words close to a withheld name part: a typo lets a name through.
      if (this.nearTargets.length) {
        const distances = new Map<string, { name: string } | null>();
        for (const m of f.text.matchAll(/[\p{L}\p{N}]+/gu)) {
          const word = m[0];
          if (word.length < 4 || isOrdinary(word) || this.withheldByKey.has(word) || this.knownPartByKey.has(word)) continue;
          if (!distances.has(word)) {
            distances.set(
              word,
              this.nearTargets.find(
                (n) => n.token !== word && editDistance(word, n.token, n.token.length >= 8 ? 2 : 1) <= (n.token.length >= 8 ? 2 : 1),
              ) ?? null,
            );
          }
          const near = distances.get(word);
          if (!near) continue;
          const [s, e] = span(m.index!, m.index! + word.length);
          if (free(s, e)) add(s, e, near, 'STANDING', 'NEAR_MATCH');
        }
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  }
}

/** The anonymiser for one review's people. */
export function nameAnonymiser(people: KnownPeople): NameAnonymiser {
  return new NameAnonymiser(people);
}

/** The text around a finding, with the name as the host city will read it, for the expert leader's check. */
export function excerptAround(anonymiser: NameAnonymiser, text: string, finding: NameFinding, width = 60): string {
  const t = text.normalize('NFC');
  let from = Math.max(0, finding.start - width);
  let to = Math.min(t.length, finding.end + width);
  // Whole words only at the edges.
  while (from > 0 && LETTER.test(t[from - 1]) && from < finding.start) from++;
  while (to < t.length && LETTER.test(t[to]) && to > finding.end) to--;
  const shown = finding.status === 'WITHHELD' ? WITHHELD_NAME : finding.found;
  const excerpt = `${anonymiser.anonymise(t.slice(from, finding.start))}${shown}${anonymiser.anonymise(t.slice(finding.end, to))}`
    .replace(/\s+/g, ' ')
    .trim();
  return `${from > 0 ? '…' : ''}${excerpt}${to < t.length ? '…' : ''}`;
}
