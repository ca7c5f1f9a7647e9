import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A field resolver that takes no GraphQL arguments takes graphql-js' own (parent, args, context),
 * without parameter decorators: Nest then calls it directly (its "fast field resolver") rather than
 * through its per-call wrapper, an async function that resolves each decorated parameter through
 * pipes. A whole review resolves thousands of such fields; the wrapper was a large share of reading
 * one (docs/performance.md §4). The signed-in person is `userOf(ctx)`. A field with `@Args` keeps its
 * decorators (Nest coerces and names the arguments), and goes through the wrapper.
 */
const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Each `@ResolveField(...)` method's name and parameter list, by file. */
function fieldResolvers(text: string): { name: string; params: string }[] {
  const found: { name: string; params: string }[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf('@ResolveField(', from);
    if (at < 0) return found;
    // Past the decorator's own parentheses, then the method's name and its parameter list.
    let i = at + '@ResolveField('.length;
    for (let depth = 1; depth; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
    const open = text.indexOf('(', i);
    const name = /(\w+)\s*$/.exec(text.slice(i, open))![1];
    let close = open + 1;
    for (let depth = 1; depth; close++) depth += text[close] === '(' ? 1 : text[close] === ')' ? -1 : 0;
    found.push({ name, params: text.slice(open + 1, close - 1) });
    from = close;
  }
}

describe('field resolvers', () => {
  const resolvers = ['libs', 'apps']
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .flatMap((file) => fieldResolvers(readFileSync(file, 'utf8')).map((r) => ({ ...r, file: relative(ROOT, file) })));

  it('are found (the scan reads the resolvers)', () => {
    expect(resolvers.length).toBeGreaterThan(50);
    expect(resolvers.filter((r) => !r.params.includes('@')).length).toBeGreaterThan(50);
  });

  it('without GraphQL arguments take (parent, args, context) with no parameter decorators, so Nest calls them directly', () => {
    const decorated = resolvers.filter((r) => r.params.includes('@') && !r.params.includes('@Args'));
    expect(decorated.map((r) => `${r.file}: ${r.name}(${r.params.replace(/\s+/g, ' ').trim()})`)).toEqual([]);
  });
});
