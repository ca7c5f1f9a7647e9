import { CriterionKey, GoodPracticeDocument, goodPracticeDocumentSchema } from '../good-practice-document';
import {
  ContactKey,
  DescriptionKey,
  ICC_FIELD_TITLES,
  isEmptyValue,
  LabelKey,
  labelKey,
  normaliseLabel,
  parseFieldOfAction,
  parseTemplateDate,
  parseYesNo,
  splitLabel,
} from './good-practice-docx-labels';
import { Block, blocksToText, htmlToBlocks, Link } from './mammoth-html';

export interface GoodPracticeDocxProblem {
  /** Where in `GoodPracticeDocument` ("action.title", "contact.completedOn"), or "file" for the file as a whole. */
  path: string;
  message: string;
}

export interface ReadGoodPracticeDocxResult {
  /** Present only when the file was read without any problem. */
  document?: GoodPracticeDocument;
  problems: GoodPracticeDocxProblem[];
}

export interface ReadGoodPracticeDocxOptions {
  /** Code → title of the fields of action; defaults to the 16 ICC fields and their sub-fields. */
  fieldTitles?: Record<string, string>;
}

/** Mammoth maps Word's Title/Subtitle styles to headings too (its default map leaves them as paragraphs). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * Reads a Word document in the layout of the ICC "Template for reporting" (filled in from the Word
 * template, or written by `writeGoodPracticeDocx`) into a `GoodPracticeDocument`.
 *
 * Labels are matched tolerantly (case, spaces, trailing colons, "Stimulus / rationale", "Title :"),
 * in two-column tables, as "Label: value" paragraphs, or as headings followed by text. "N/A" is
 * empty, DD/MM/YYYY dates become YYYY-MM-DD, a field of action may be given as its number, "5.
 * Education" or "Education". Everything found wrong is returned as problems (path + message), the
 * document only when there are none. Never throws for a bad file.
 *
 * Unbounded: mammoth expands the archive and holds its XML in memory. It runs only inside a bounded
 * worker thread, after the archive's limits were checked (`readGoodPracticeDocx`); this module
 * imports nothing of the platform, so that the thread loads quickly.
 */
export async function convertGoodPracticeDocx(
  buffer: Buffer,
  options: ReadGoodPracticeDocxOptions = {},
): Promise<ReadGoodPracticeDocxResult> {
  let html: string;
  try {
    // Loaded here, not at the top: the API's main thread imports this module for its types and
    // messages only, and mammoth is large.
    const mammoth = (await import('mammoth')).default;
    const converted = await mammoth.convertToHtml(
      { buffer },
      { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = converted.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fileProblem(`The file could not be read as a Word document (.docx): ${reason}`);
  }
  return readGoodPracticeHtml(html, options);
}

/** What the worker thread receives (structured clone turns the Buffer into a Uint8Array). */
export interface ConvertGoodPracticeDocxInput {
  bytes: Uint8Array;
  options: ReadGoodPracticeDocxOptions;
}

/** The worker thread's entry point (see runInBoundedWorker). */
export function convertGoodPracticeDocxInThread({ bytes, options }: ConvertGoodPracticeDocxInput): Promise<ReadGoodPracticeDocxResult> {
  return convertGoodPracticeDocx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
}

/** The mapping part of `convertGoodPracticeDocx`, from mammoth's HTML. */
export function readGoodPracticeHtml(html: string, options: ReadGoodPracticeDocxOptions = {}): ReadGoodPracticeDocxResult {
  const fieldTitles = { ...ICC_FIELD_TITLES, ...options.fieldTitles };
  const problems: GoodPracticeDocxProblem[] = [];
  const values = collectValues(templatePart(htmlToBlocks(html)));

  if (values.size === 0) {
    problems.push({
      path: 'file',
      message: 'No part of the good-practice template was found (Contact details, The Action, Description, Criteria with their labels).',
    });
  }

  const text = (label: LabelKey): string | undefined => {
    const blocks = values.get(id(label));
    if (!blocks) return undefined;
    const value = blocksToText(blocks);
    return isEmptyValue(value) ? undefined : value;
  };

  // Contact details.
  const contact: Record<string, unknown> = {};
  for (const key of ['city', 'department', 'contactPerson'] as ContactKey[]) contact[key] = text({ section: 'contact', key });
  const country = text({ section: 'contact', key: 'country' });
  contact.country = country && /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : country;
  const date = text({ section: 'contact', key: 'completedOn' });
  if (date !== undefined) {
    contact.completedOn = parseTemplateDate(date);
    if (!contact.completedOn) problems.push({ path: 'contact.completedOn', message: `"${date}" is not a date in the form DD/MM/YYYY.` });
  }

  // The action.
  const action: Record<string, unknown> = {
    title: text({ section: 'action', key: 'title' }),
    mainPurpose: text({ section: 'action', key: 'mainPurpose' }),
    implementationPeriod: text({ section: 'action', key: 'implementationPeriod' }),
  };
  const mainField = text({ section: 'action', key: 'mainFieldOfAction' });
  if (mainField !== undefined) {
    action.mainFieldOfAction = parseFieldOfAction(mainField, fieldTitles);
    if (!action.mainFieldOfAction) problems.push({ path: 'action.mainFieldOfAction', message: unknownField(mainField) });
  }
  const further: string[] = [];
  fieldLines(values.get(id({ section: 'action', key: 'furtherFieldsOfAction' })) ?? []).forEach((line) => {
    const code = parseFieldOfAction(line, fieldTitles);
    if (!code) {
      const pieces = line.split(/\s*[;,]\s*/).filter((p) => !isEmptyValue(p));
      const codes = pieces.map((p) => parseFieldOfAction(p, fieldTitles));
      if (pieces.length > 1 && codes.every(Boolean)) further.push(...(codes as string[]));
      else problems.push({ path: `action.furtherFieldsOfAction.${further.length}`, message: unknownField(line) });
    } else further.push(code);
  });
  action.furtherFieldsOfAction = [...new Set(further)];

  // The description.
  const description: Record<string, unknown> = {};
  for (const key of ['purpose', 'stimulus', 'process', 'impact'] as DescriptionKey[])
    description[key] = text({ section: 'description', key });
  description.keyReferenceDocuments = referenceDocuments(values.get(id({ section: 'description', key: 'keyReferenceDocuments' })) ?? []);

  // The criteria.
  const criteria: Record<string, unknown> = {};
  for (const [key, row] of criteriaRows(values)) {
    const met = row.met === undefined ? undefined : parseYesNo(row.met);
    if (row.met !== undefined && met === undefined) {
      problems.push({ path: `criteria.${key}.met`, message: `"${row.met}" is neither Yes nor No.` });
      continue;
    }
    if (met === undefined) {
      if (row.justification)
        problems.push({
          path: `criteria.${key}.met`,
          message: 'A justification is given but not whether the criterion is met (Yes or No).',
        });
      continue;
    }
    criteria[key] = { met, justification: row.justification ?? '' };
  }

  const candidate = { contact: dropUndefined(contact), action: dropUndefined(action), description: dropUndefined(description), criteria };
  const parsed = goodPracticeDocumentSchema.safeParse(candidate);
  if (!parsed.success) {
    const reported = new Set(problems.map((p) => p.path));
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (reported.has(path)) continue;
      reported.add(path);
      const where = WHERE_IN_TEMPLATE[path];
      const missing = issue.code === 'invalid_type' && where !== undefined;
      problems.push({ path, message: missing ? `${issue.message}: no "${where[0]}" was found in "${where[1]}".` : issue.message });
    }
  }
  return problems.length || !parsed.success ? { problems } : { document: parsed.data, problems };
}

/** Where the template asks for the required fields: [label, section]. */
const WHERE_IN_TEMPLATE: Record<string, [string, string]> = {
  'contact.city': ['City', 'Contact details'],
  'action.title': ['Title', 'The Action'],
  'action.mainFieldOfAction': ['Main field of action', 'The Action'],
};

export function fileProblem(message: string): ReadGoodPracticeDocxResult {
  return { problems: [{ path: 'file', message }] };
}

function unknownField(value: string): string {
  return `"${value}" is not an ICC field of action: give its number (e.g. "5"), "5. Education" or its title ("Education").`;
}

function id(label: LabelKey): string {
  return `${label.section}.${label.key}`;
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * The Word template starts with the guide (including a filled-in example); when the document has
 * the "TEMPLATE FOR REPORTING" heading, only what follows it is the form.
 */
function templatePart(blocks: Block[]): Block[] {
  let start = -1;
  blocks.forEach((b, i) => {
    if ((b.kind === 'heading' || b.kind === 'paragraph') && normaliseLabel(b.text) === 'templateforreporting') start = i;
  });
  return start >= 0 ? blocks.slice(start + 1) : blocks;
}

/** Label → the blocks of its value. The first non-empty occurrence of a label wins. */
function collectValues(blocks: Block[]): Map<string, Block[]> {
  const values = new Map<string, Block[]>();
  const put = (label: LabelKey, value: Block[]) => {
    const key = id(label);
    const existing = values.get(key);
    if (!existing || (isEmptyValue(blocksToText(existing)) && !isEmptyValue(blocksToText(value)))) values.set(key, value);
  };

  // A section opened by a heading (as the writer does) runs to the next heading: its text may start
  // with "Impact:" without opening another section. One opened by a "Purpose: …" paragraph (as in
  // the Word template) runs to the next label.
  let current: { label: LabelKey; blocks: Block[]; byHeading: boolean } | undefined;
  const close = () => {
    if (current) put(current.label, current.blocks);
    current = undefined;
  };

  for (const block of blocks) {
    if (block.kind === 'table') {
      close();
      tableValues(block.rows, put);
      continue;
    }
    if (block.kind === 'heading') {
      close();
      const label = labelKey(block.text.replace(/:\s*$/, ''));
      if (label && label.section === 'description') current = { label, blocks: [], byHeading: true };
      continue;
    }
    if (block.kind === 'paragraph' && !current?.byHeading) {
      const split = splitLabel(block.text);
      if (split) {
        close();
        const rest: Block[] = split.rest ? [{ ...block, text: split.rest }] : [];
        if (split.label.section === 'description') current = { label: split.label, blocks: rest, byHeading: false };
        else if (split.label.section === 'criteria') {
          // "Goal-oriented: Yes – because …" outside a table; the guide's definitions are not answers.
          const answer = /^(\S+?)(?:[\s.,:;–—-]+([\s\S]*))?$/.exec(split.rest);
          if (answer && parseYesNo(answer[1]) !== undefined)
            put(split.label, [paragraph(answer[1]), ...(answer[2] ? [paragraph(answer[2])] : [])]);
        } else put(split.label, rest);
        continue;
      }
    }
    current?.blocks.push(block);
  }
  close();
  return values;
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', text, links: [] };
}

/**
 * Rows of a two-column table (label | value). Criteria rows keep their cells apart (label | Yes/No |
 * justification). A label whose value cell is empty takes the next row when that row is no label
 * (a template filled in below the label rather than beside it).
 */
function tableValues(rows: Block[][][], put: (label: LabelKey, value: Block[]) => void): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const first = row.findIndex((cell) => blocksToText(cell) !== '');
    if (first < 0) continue;
    const labelText = blocksToText(row[first]);
    const split = splitLabel(labelText);
    if (!split) {
      // Nested layout: a cell may hold several "Label: value" paragraphs.
      for (const cell of row) for (const b of cell) if (b.kind === 'table') tableValues(b.rows, put);
      continue;
    }
    const rest = row.slice(first + 1);
    if (split.label.section === 'criteria') {
      const cells = rest.map((cell) => blocksToText(cell));
      if (cells.length >= 2) {
        put(split.label, [
          paragraph(cells[0]),
          ...(cells.slice(1).join('\n\n').trim() ? [paragraph(cells.slice(1).join('\n\n').trim())] : []),
        ]);
      } else {
        const answer = /^(\S+?)(?:[\s.,:;–—-]+([\s\S]*))?$/.exec(cells[0] ?? split.rest);
        if (answer) put(split.label, [paragraph(answer[1]), ...(answer[2] ? [paragraph(answer[2])] : [])]);
      }
      continue;
    }
    let value: Block[] = rest.flat();
    if (split.rest) value = [paragraph(split.rest), ...value];
    if (blocksToText(value) === '' && r + 1 < rows.length) {
      const next = rows[r + 1];
      const nextFirst = next.find((cell) => blocksToText(cell) !== '');
      if (nextFirst && !splitLabel(blocksToText(nextFirst))) {
        value = next.flat();
        r += 1;
      }
    }
    put(split.label, value);
  }
}

function criteriaRows(values: Map<string, Block[]>): [CriterionKey, { met?: string; justification?: string }][] {
  const rows: [CriterionKey, { met?: string; justification?: string }][] = [];
  for (const [key, blocks] of values) {
    if (!key.startsWith('criteria.')) continue;
    const [metBlock, ...rest] = blocks;
    const met = metBlock && blocksToText([metBlock]);
    const justification = blocksToText(rest);
    rows.push([key.slice('criteria.'.length) as CriterionKey, { met: met || undefined, justification: justification || undefined }]);
  }
  return rows;
}

/** Lines of the "further fields" value: one per paragraph, list item or line. */
function fieldLines(blocks: Block[]): string[] {
  return blocks
    .flatMap((b) => (b.kind === 'table' ? [] : b.text.split('\n')))
    .map((l) => l.trim())
    .filter((l) => !isEmptyValue(l));
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'\]]+/i;

/** One reference per list item or line; the URL from a hyperlink or from the text. */
function referenceDocuments(blocks: Block[]): { title: string; url?: string }[] {
  const documents: { title: string; url?: string }[] = [];
  for (const block of blocks) {
    if (block.kind === 'table' || block.kind === 'heading') continue;
    const lines = block.kind === 'item' ? [block.text.replace(/\n/g, ' ')] : block.text.split('\n');
    const links = [...block.links];
    for (const line of lines) {
      if (isEmptyValue(line)) continue;
      documents.push(reference(line, links));
    }
  }
  return documents;
}

function reference(line: string, links: Link[]): { title: string; url?: string } {
  let title = line;
  let url: string | undefined;
  const link = links.find((l) => l.text && line.includes(l.text) && /^https?:/i.test(l.href));
  if (link) {
    url = link.href;
    links.splice(links.indexOf(link), 1);
    // The link's text is the URL itself: drop it from the title; otherwise the text is the title.
    if (URL_PATTERN.test(link.text) || link.text === link.href) title = line.replace(link.text, ' ');
  } else {
    const inText = URL_PATTERN.exec(line);
    if (inText) {
      url = inText[0].replace(/[.,;:)]+$/, '');
      title = line.replace(url, ' ');
    }
  }
  title = title
    .replace(/\(\s*\)|\[\s*\]|<\s*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s:–—-]+$/, '')
    .replace(/^[\s:–—-]+/, '')
    .trim();
  return url ? { title: title || url, url } : { title };
}
