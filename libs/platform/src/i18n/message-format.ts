import type { IntlMessageFormat as IntlMessageFormatClass } from 'intl-messageformat';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';

/**
 * FormatJS' ICU MessageFormat for the server's catalogues (emails, invites, reports, errors).
 * intl-messageformat ships only as ES modules, which this CommonJS build cannot `require` on Node 20;
 * its single-file bundle (no imports) is evaluated once as a function instead, as the report charts
 * do with vega's bundles.
 */
let loaded: typeof IntlMessageFormatClass | undefined;

export function IntlMessageFormat(): typeof IntlMessageFormatClass {
  if (!loaded) {
    const file = join(dirname(require.resolve('intl-messageformat')), 'intl-messageformat.iife.js');
    const source = readFileSync(file, 'utf8').replace(/^export \{[^}]*\};?\s*$/m, '');
    const factory = runInThisContext(`(function () {\n${source}\nreturn IntlMessageFormat;\n})`, {
      filename: file,
    }) as () => typeof IntlMessageFormatClass;
    loaded = factory();
  }
  return loaded;
}

const compiled = new Map<string, IntlMessageFormatClass>();

/** Formats an ICU message (compiled once per locale and source). */
export function formatIcu(source: string, locale: string, values: Record<string, unknown> = {}): string | unknown[] {
  const key = `${locale}\u0000${source}`;
  let format = compiled.get(key);
  if (!format) {
    const Format = IntlMessageFormat();
    format = new Format(source, locale, undefined, { ignoreTag: false });
    compiled.set(key, format);
  }
  return format.format(values as never) as string | unknown[];
}
