import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The web app's message catalogues (apps/web/src/i18n/messages, one JSON file per language) against
 * each other and against the code that uses them: every language has every id, each translation
 * takes the same placeholders (and rich-text tags) as the English one, every message parses as ICU
 * MessageFormat, and every message id the source names is in the catalogues.
 */
const MESSAGES = 'apps/web/src/i18n/messages';
const SOURCE = 'apps/web/src';

type Catalogue = Record<string, string>;
const catalogues: Record<string, Catalogue> = Object.fromEntries(
  readdirSync(MESSAGES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(MESSAGES, f), 'utf8')) as Catalogue]),
);
const languages = Object.keys(catalogues).sort();

// intl-messageformat is ESM-only: its parser runs in a plain node process (the same parser react-intl
// uses in the browser). For each message: the names of its arguments and tags, or the parse error.
const PARSE = `const { IntlMessageFormat } = await import('intl-messageformat');
const { readFileSync } = await import('node:fs');
const input = JSON.parse(readFileSync(0, 'utf8'));
const names = (elements, into) => {
  for (const e of elements) {
    if (e.value !== undefined && [1, 2, 3, 4, 5, 6, 8].includes(e.type)) into.add((e.type === 8 ? '<>' : '') + e.value);
    if (e.children) names(e.children, into);
    if (e.options) for (const option of Object.values(e.options)) names(option.value, into);
  }
  return into;
};
const out = {};
for (const [language, messages] of Object.entries(input)) {
  out[language] = {};
  for (const [id, message] of Object.entries(messages)) {
    try {
      out[language][id] = { names: [...names(new IntlMessageFormat(message, language, undefined, { ignoreTag: false }).getAst(), new Set())].sort() };
    } catch (error) {
      out[language][id] = { error: String(error.message ?? error) };
    }
  }
}
process.stdout.write(JSON.stringify(out));`;

type Parsed = Record<string, Record<string, { names?: string[]; error?: string }>>;
const parse = (input: Record<string, Catalogue>): Parsed =>
  JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', PARSE], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as Parsed;

/** Ids one catalogue has and another lacks. */
const missingIds = (input: Record<string, Catalogue>): string[] => {
  const every = new Set(Object.values(input).flatMap((c) => Object.keys(c)));
  return Object.entries(input).flatMap(([l, c]) => [...every].filter((id) => !(id in c)).map((id) => `${l}.json lacks ${id}`));
};

/** Messages whose placeholders or tags differ from the English message of the same id. */
const placeholderDifferences = (result: Parsed): string[] =>
  Object.keys(result)
    .filter((l) => l !== 'en')
    .flatMap((l) =>
      Object.entries(result[l])
        .filter(([id, r]) => result.en[id]?.names && r.names && r.names.join() !== result.en[id].names!.join())
        .map(([id, r]) => `${l}: ${id}: {${r.names!.join(', ')}} instead of {${result.en[id].names!.join(', ')}}`),
    );

/** Every string literal and template literal in the web app's source, with where it is. */
function literals(): { text: string; template?: RegExp; where: string }[] {
  const found: { text: string; template?: RegExp; where: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'generated' && name !== 'messages') walk(path);
      } else if (/\.tsx?$/.test(name)) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
        const where = (node: ts.Node) => `${relative('.', path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const visit = (node: ts.Node) => {
          if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push({ text: node.text, where: where(node) });
          else if (ts.isTemplateExpression(node)) {
            // `status.${s}` names the ids that match status.<anything without a dot>.
            const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
            const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            found.push({ text: parts.join('${…}'), template: new RegExp(`^${parts.map(escape).join('[^.]+')}$`), where: where(node) });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walk(SOURCE);
  return found;
}

describe("the web app's message catalogues", () => {
  it('ship English, French and German', () => {
    expect(languages).toEqual(expect.arrayContaining(['de', 'en', 'fr']));
  });

  it('all have the same message ids', () => {
    expect(missingIds(catalogues)).toEqual([]);
  });

  it('would say which id a catalogue lacks (the check bites)', () => {
    expect(missingIds({ en: { a: 'A', b: 'B' }, fr: { a: 'A' } })).toEqual(['fr.json lacks b']);
  });

  it('have no empty message', () => {
    const empty = languages.flatMap((l) =>
      Object.entries(catalogues[l])
        .filter(([, m]) => !m.trim())
        .map(([id]) => `${l}: ${id}`),
    );
    expect(empty).toEqual([]);
  });

  describe('as ICU MessageFormat', () => {
    let result: Parsed;
    beforeAll(() => {
      result = parse(catalogues);
    }, 60_000);

    it('every message parses', () => {
      const errors = languages.flatMap((l) =>
        Object.entries(result[l])
          .filter(([, r]) => r.error)
          .map(([id, r]) => `${l}: ${id}: ${r.error}`),
      );
      expect(errors).toEqual([]);
    });

    it('a translation takes the same placeholders and tags as the English message', () => {
      expect(placeholderDifferences(result)).toEqual([]);
    });

    it('would say which translation lost or renamed a placeholder or a tag (the check bites)', () => {
      const probe = parse({
        en: { a: '{count, plural, one {# item} other {# items}} in {city}', b: 'See <code>/metrics</code>', c: 'Hello' },
        fr: { a: '{count, plural, one {# élément} other {# éléments}} à {ville}', b: 'Voir /metrics', c: '{oops' },
      });
      expect(placeholderDifferences(probe)).toEqual(['fr: a: {count, ville} instead of {city, count}', 'fr: b: {} instead of {<>code}']);
      expect(probe.fr.c.error).toBeTruthy();
    });
  });

  describe('and the source code', () => {
    const ids = new Set(Object.keys(catalogues.en));
    const namespaces = new Set([...ids].map((id) => id.split('.')[0]));
    // A literal names a message when it looks like one ("ns.word…") and starts with a namespace the catalogues use.
    // A literal names a message when it looks like one ("ns.word…") and its first word is a namespace of
    // the catalogues; a file name such as 'programme.pdf' does not.
    const namespaceOf = (text: string) => /^([a-z][A-Za-z0-9]*)\./.exec(text)?.[1];
    const fileName = /^[^.]+\.(pdf|docx|xlsx|csv|html|json|zip|png|svg|ics|txt)$/;
    const looksLikeId = (text: string) =>
      /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/.test(text) && namespaces.has(namespaceOf(text) ?? '') && !fileName.test(text);
    const all = literals();

    it('names only message ids that the catalogues have', () => {
      const unknown = all.filter((l) => !l.template && looksLikeId(l.text) && !ids.has(l.text)).map((l) => `${l.where}: ${l.text}`);
      expect(unknown).toEqual([]);
    });

    it('builds ids (`status.${…}`) only where the catalogues have messages of that shape', () => {
      const unknown = all
        .filter((l) => l.template && namespaces.has(namespaceOf(l.text) ?? ''))
        .filter((l) => ![...ids].some((id) => l.template!.test(id)))
        .map((l) => `${l.where}: ${l.text}`);
      expect(unknown).toEqual([]);
    });

    it('uses message ids in the ways the scan reads (it finds the ids of the sign-in page and the tabs)', () => {
      const seen = new Set(all.map((l) => l.text));
      for (const id of ['signIn.title', 'nav.signOut', 'tabs.notebook', 'profile.language']) expect(seen).toContain(id);
    });
  });
});
