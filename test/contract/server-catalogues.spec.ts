import { ErrorCode, IntlMessageFormat, LANGUAGES } from '@peervisit/platform';
import { ReviewRole, SessionPart, VisitSessionKind } from '@peervisit/review/entities';
import { StakeholderCategory } from '@peervisit/directory/entities';
import { goodPracticeDocumentSchema } from '@peervisit/catalogue';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The server's message catalogues (emails and calendar invites, report texts, API errors), one JSON
 * file per shipped language each: every language has every key of every other, each translation takes
 * the same arguments and tags as the English one and parses as ICU MessageFormat, and every key a
 * template or renderer uses is in the catalogues. (The web app's are test/contract/web-messages.spec.ts.)
 */
type Catalogue = Record<string, string>;

const CATALOGUES: Record<string, string> = {
  emails: 'libs/notifications/src/templates/messages',
  reports: 'libs/reporting/src/render/report-messages',
  errors: 'libs/platform/src/errors/messages',
};

const load = (dir: string): Record<string, Catalogue> =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Catalogue]),
  );

type Element = { type: number; value?: string; children?: Element[]; options?: Record<string, { value: Element[] }> };
function argumentsOf(message: string, locale: string): string[] {
  const Format = IntlMessageFormat();
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.value !== undefined && [1, 2, 3, 4, 5, 6, 8].includes(e.type)) names.add((e.type === 8 ? '<>' : '') + e.value);
      if (e.children) walk(e.children);
      if (e.options) for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(new Format(message, locale, undefined, { ignoreTag: false }).getAst() as Element[]);
  return [...names].sort();
}

const filesUnder = (dir: string, ending: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, ending) : path.endsWith(ending) ? [path] : [];
  });

describe.each(Object.entries(CATALOGUES))('the %s catalogues', (_name, dir) => {
  const catalogues = load(dir);

  it('exist for every shipped language, and only those', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (language) => {
    const english = Object.keys(catalogues.en).sort();
    const other = Object.keys(catalogues[language]).sort();
    expect({ missing: english.filter((k) => !other.includes(k)), extra: other.filter((k) => !english.includes(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it('parses in every language, each translation with the arguments and tags of the English one', () => {
    const differences: string[] = [];
    for (const [key, english] of Object.entries(catalogues.en)) {
      const wanted = argumentsOf(english, 'en');
      for (const language of LANGUAGES) {
        const message = catalogues[language]?.[key];
        if (message === undefined) continue;
        const got = argumentsOf(message, language);
        if (got.join() !== wanted.join()) differences.push(`${language} ${key}: ${got.join(', ')} ≠ ${wanted.join(', ')}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('keys used by the code', () => {
  const emails = load(CATALOGUES.emails).en;
  const reports = load(CATALOGUES.reports).en;
  const errors = load(CATALOGUES.errors).en;

  it('every {{t "key"}} of the email templates is in the email catalogues', () => {
    const used = filesUnder('libs/notifications/src/templates', '.hbs').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/[{(]t "([^"]+)"/g)].map((m) => ({ file, key: m[1] })),
    );
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(({ key }) => !(key in emails))).toEqual([]);
  });

  it('every key the email renderer and the invites use is in the email catalogues, for every enum value they look up', () => {
    const source = readFileSync('libs/notifications/src/rendering/notifications-renderer.ts', 'utf8');
    const fixed = [...source.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1]);
    expect(fixed.filter((key) => !(key in emails))).toEqual([]);
    const lookedUp: Record<string, string[]> = {
      kind: Object.values(VisitSessionKind),
      part: Object.values(SessionPart),
      role: Object.values(ReviewRole),
      stakeholder: Object.values(StakeholderCategory),
    };
    for (const prefix of [...source.matchAll(/\bt\(`([a-z]+)\.\$\{/g)].map((m) => m[1])) {
      expect(lookedUp[prefix]).toBeDefined();
      expect(lookedUp[prefix].map((value) => `${prefix}.${value}`).filter((key) => !(key in emails))).toEqual([]);
    }
  });

  it('every report text key the renderers use is in the report catalogues', () => {
    const used = filesUnder('libs/reporting/src', '.ts')
      .filter((file) => !file.endsWith('.spec.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\btx?\('([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used)].filter((key) => !(key in reports))).toEqual([]);
  });

  it('the good-practice document takes exactly the shipped languages', () => {
    expect(goodPracticeDocumentSchema.shape.language.unwrap().options).toEqual([...LANGUAGES]);
  });

  it('every error code has its message', () => {
    expect(Object.values(ErrorCode).filter((code) => !(code in errors))).toEqual([]);
  });
});
