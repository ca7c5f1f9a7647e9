import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CRITERIA_KEYS, CRITERIA_LABELS, GoodPracticeDocument } from '../good-practice-document';
import { formatFieldOfAction, formatTemplateDate, ICC_FIELD_TITLES, LABELS, NOT_APPLICABLE } from './good-practice-docx-labels';

export interface WriteGoodPracticeDocxOptions {
  /** Code → title of the fields of action; defaults to the 16 ICC fields and their sub-fields. */
  fieldTitles?: Record<string, string>;
}

/**
 * Writes one good practice as a Word document laid out like the ICC "Template for reporting":
 * contact details and the action as two-column tables, the description under sub-headings, and the
 * six criteria as a table (Yes/No and the justification). Pure: no I/O besides building the buffer.
 *
 * Long text: a blank line ("\n\n") starts a new paragraph, a single line break stays a line break,
 * and a line starting with "- " becomes a bullet item. `readGoodPracticeDocx` reads it back.
 */
export async function writeGoodPracticeDocx(doc: GoodPracticeDocument, options: WriteGoodPracticeDocxOptions = {}): Promise<Buffer> {
  const fieldTitles = { ...ICC_FIELD_TITLES, ...options.fieldTitles };
  const { contact, action, description } = doc;
  const criteria = doc.criteria ?? {};

  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: LABELS.goodPractice, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: action.title, style: 'Subtitle' }),

    heading1(LABELS.contactDetails),
    labelValueTable([
      [LABELS.city, textParagraphs(contact.city)],
      [LABELS.country, textParagraphs(contact.country)],
      [LABELS.department, textParagraphs(contact.department)],
      [LABELS.completedOn, textParagraphs(contact.completedOn && formatTemplateDate(contact.completedOn))],
      [LABELS.contactPerson, textParagraphs(contact.contactPerson)],
    ]),

    heading1(LABELS.theAction),
    labelValueTable([
      [LABELS.title, textParagraphs(action.title)],
      [LABELS.mainFieldOfAction, textParagraphs(formatFieldOfAction(action.mainFieldOfAction, fieldTitles))],
      [
        LABELS.furtherFieldsOfAction,
        action.furtherFieldsOfAction?.length
          ? action.furtherFieldsOfAction.map((code) => new Paragraph(formatFieldOfAction(code, fieldTitles)))
          : textParagraphs(undefined),
      ],
      [LABELS.mainPurpose, textParagraphs(action.mainPurpose)],
      [LABELS.implementationPeriod, textParagraphs(action.implementationPeriod)],
    ]),

    heading1(LABELS.description),
    heading2(LABELS.purpose),
    ...textParagraphs(description.purpose),
    heading2(LABELS.stimulus),
    ...textParagraphs(description.stimulus),
    heading2(LABELS.process),
    ...textParagraphs(description.process),
    heading2(LABELS.impact),
    ...textParagraphs(description.impact),
    heading2(LABELS.keyReferenceDocuments),
    ...(description.keyReferenceDocuments?.length
      ? description.keyReferenceDocuments.map(
          (ref) =>
            new Paragraph({
              bullet: { level: 0 },
              children: [
                new TextRun(ref.title),
                ...(ref.url
                  ? [
                      new TextRun(' – '),
                      new ExternalHyperlink({ link: ref.url, children: [new TextRun({ text: ref.url, style: 'Hyperlink' })] }),
                    ]
                  : []),
              ],
            }),
        )
      : textParagraphs(undefined)),

    heading1(LABELS.criteria),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [LABELS.criterion, LABELS.met, LABELS.justification].map((h, i) =>
            cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], [30, 12, 58][i]),
          ),
        }),
        ...CRITERIA_KEYS.map((key) => {
          const criterion = criteria[key];
          return new TableRow({
            children: [
              cell([new Paragraph({ children: [new TextRun({ text: CRITERIA_LABELS[key], bold: true })] })], 30),
              cell([new Paragraph(criterion ? (criterion.met ? 'Yes' : 'No') : '')], 12),
              cell(criterion?.justification ? textParagraphs(criterion.justification) : [new Paragraph('')], 58),
            ],
          });
        }),
      ],
    }),
  ];

  const document = new Document({
    creator: 'PeerVisit',
    title: `${LABELS.goodPractice}: ${action.title}`,
    description: 'ICC good practice (Council of Europe Intercultural Cities template for reporting)',
    styles: {
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 32, bold: true, color: '444444' },
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function heading1(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
}

function heading2(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function cell(children: Paragraph[], widthPercent: number): TableCell {
  return new TableCell({
    children,
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    borders: { top: thin, bottom: thin, left: thin, right: thin },
  });
}

function labelValueTable(rows: [string, Paragraph[]][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [cell([new Paragraph({ children: [new TextRun({ text: `${label}:`, bold: true })] })], 30), cell(value, 70)],
        }),
    ),
  });
}

/**
 * Text → paragraphs: blank lines separate paragraphs, lines starting with "- " are bullet items,
 * other single line breaks stay line breaks inside a paragraph. Empty text is written as "N/A".
 */
export function textParagraphs(text: string | undefined): Paragraph[] {
  const trimmed = text?.replace(/\r\n?/g, '\n').trim();
  if (!trimmed) return [new Paragraph(NOT_APPLICABLE)];
  const paragraphs: Paragraph[] = [];
  for (const block of trimmed.split(/\n[ \t]*\n+/)) {
    let lines: string[] = [];
    const flush = () => {
      if (lines.length) paragraphs.push(new Paragraph({ children: linesToRuns(lines) }));
      lines = [];
    };
    for (const line of block.split('\n')) {
      const bullet = /^\s*-\s+(.*)$/.exec(line);
      if (bullet) {
        flush();
        paragraphs.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(bullet[1].trim())] }));
      } else if (line.trim()) {
        lines.push(line.trim());
      }
    }
    flush();
  }
  return paragraphs.length ? paragraphs : [new Paragraph(NOT_APPLICABLE)];
}

function linesToRuns(lines: string[]): ParagraphChild[] {
  return lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}
