/**
 * A tiny, tolerant reader for the simple HTML mammoth produces (h1–h6, p, ul/ol/li, table/tr/td/th,
 * a, br, strong/em …). It never executes anything: tags are tokenised with a regular expression,
 * attributes other than href are dropped, entities are decoded, and the result is plain data.
 */

export interface Link {
  href: string;
  text: string;
}

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; links: Link[] }
  | { kind: 'item'; text: string; links: Link[]; ordered: boolean; index: number; depth: number }
  | { kind: 'table'; rows: Block[][][] };

interface Element {
  tag: string;
  href?: string;
  children: Node[];
}
type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr', 'col', 'wbr', 'input', 'meta', 'link']);
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  euro: '€',
  copy: '©',
  reg: '®',
  deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Tokenises and nests the HTML; unmatched closing tags are ignored, unclosed ones closed at the end. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', children: [] };
  const stack: Element[] = [root];
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(html))) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined || m[0] === '<') {
      top.children.push(decodeEntities(m[4] ?? '<'));
      continue;
    }
    if (!m[2]) continue; // comment
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const element: Element = { tag, children: [] };
    if (tag === 'a') {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[3]);
      if (href) element.href = decodeEntities(href[1] ?? href[2] ?? href[3] ?? '');
    }
    top.children.push(element);
    if (!VOID.has(tag) && !/\/\s*$/.test(m[3])) stack.push(element);
  }
  return root;
}

/** Never content, should such elements ever appear. */
const IGNORED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object']);

const BLOCK_CONTAINERS = new Set([
  'ul',
  'ol',
  'table',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'td',
  'th',
  'div',
  'thead',
  'tbody',
  'tfoot',
]);

/** The text of inline content; <br> is a line break, nested blocks (lists, tables) are skipped. */
function inline(nodes: Node[], links: Link[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if (IGNORED.has(node.tag)) continue;
    else if (node.tag === 'br') out += '\n';
    else if (node.tag === 'ul' || node.tag === 'ol' || node.tag === 'table') continue;
    else if (node.tag === 'a') {
      const text = inline(node.children, links);
      if (node.href && /^(https?|mailto):/i.test(node.href)) links.push({ href: node.href, text: text.trim() });
      out += text;
    } else out += inline(node.children, links);
  }
  return out;
}

function clean(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (typeof child === 'string' || child.tag === 'table') continue;
      if (child.tag === 'tr') rows.push(child);
      else visit(child);
    }
  };
  visit(table);
  return rows;
}

function toBlocks(nodes: Node[], out: Block[], depth = 0): Block[] {
  let loose: Node[] = [];
  const flushLoose = () => {
    const links: Link[] = [];
    const text = clean(inline(loose, links));
    if (text) out.push({ kind: 'paragraph', text, links });
    loose = [];
  };
  for (const node of nodes) {
    if (typeof node !== 'string' && IGNORED.has(node.tag)) continue;
    if (typeof node === 'string' || !BLOCK_CONTAINERS.has(node.tag)) {
      loose.push(node);
      continue;
    }
    flushLoose();
    const heading = /^h([1-6])$/.exec(node.tag);
    if (heading) {
      const text = clean(inline(node.children, []));
      if (text) out.push({ kind: 'heading', level: Number(heading[1]), text });
    } else if (node.tag === 'p') {
      const links: Link[] = [];
      const text = clean(inline(node.children, links));
      if (text) out.push({ kind: 'paragraph', text, links });
    } else if (node.tag === 'ul' || node.tag === 'ol') {
      let index = 0;
      for (const li of node.children) {
        if (typeof li === 'string' || li.tag !== 'li') continue;
        index += 1;
        const links: Link[] = [];
        const text = clean(inline(li.children, links));
        if (text) out.push({ kind: 'item', text, links, ordered: node.tag === 'ol', index, depth });
        toBlocks(
          li.children.filter((c) => typeof c !== 'string' && (c.tag === 'ul' || c.tag === 'ol' || c.tag === 'table')),
          out,
          depth + 1,
        );
      }
    } else if (node.tag === 'table') {
      out.push({
        kind: 'table',
        rows: rowsOf(node).map((tr) =>
          tr.children
            .filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
            .map((td) => toBlocks(td.children, [])),
        ),
      });
    } else {
      toBlocks(node.children, out, depth);
    }
  }
  flushLoose();
  return out;
}

/** Mammoth's HTML → a flat list of blocks (tables keep their cells' blocks). */
export function htmlToBlocks(html: string): Block[] {
  return toBlocks(parseHtml(html).children, []);
}

/** Plain text of blocks: paragraphs separated by a blank line, list items as "- item" lines. */
export function blocksToText(blocks: Block[]): string {
  let out = '';
  let previous: Block | undefined;
  for (const block of blocks) {
    let text: string;
    if (block.kind === 'item')
      text = `${'  '.repeat(block.depth)}${block.ordered ? `${block.index}.` : '-'} ${block.text.replace(/\n/g, ' ')}`;
    else if (block.kind === 'table')
      text = block.rows.map((row) => row.map((cell) => blocksToText(cell).replace(/\s*\n\s*/g, ' ')).join(' | ')).join('\n');
    else text = block.text;
    if (!text) continue;
    if (previous) out += previous.kind === 'item' || block.kind === 'item' ? '\n' : '\n\n';
    out += text;
    previous = block;
  }
  return out.trim();
}
