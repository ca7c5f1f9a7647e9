import fieldsOfActionData from '../../data/icc-fields-of-action.json';
import { CRITERIA_KEYS, CRITERIA_LABELS, CriterionKey } from '../good-practice-document';

/**
 * What the DOCX reader and writer share: the template's labels (as the writer prints them and the
 * spellings the reader accepts), the ICC fields of action, and the value conventions (N/A, dates).
 */

/** The labels the writer prints, in the template's wording. */
export const LABELS = {
  goodPractice: 'Good practice',
  contactDetails: 'Contact details',
  city: 'City',
  country: 'Country',
  department: 'Department',
  completedOn: 'Date of completing the form (DD/MM/YYYY)',
  contactPerson: 'Contact person',
  theAction: 'The Action',
  title: 'Title',
  mainFieldOfAction: 'Main field of action',
  furtherFieldsOfAction: 'Further fields of action',
  mainPurpose: 'Main purpose',
  implementationPeriod: 'Implementation period',
  description: 'Description',
  purpose: 'Purpose',
  stimulus: 'Stimulus/Rationale',
  process: 'Process',
  impact: 'Impact',
  keyReferenceDocuments: 'Key reference documents',
  criteria: 'Criteria',
  criterion: 'Criterion',
  met: 'Yes/No',
  justification: 'Justification',
} as const;

/** What the writer prints for an empty value, and what the reader reads as empty. */
export const NOT_APPLICABLE = 'N/A';

export type ContactKey = 'city' | 'country' | 'department' | 'completedOn' | 'contactPerson';
export type ActionKey = 'title' | 'mainFieldOfAction' | 'furtherFieldsOfAction' | 'mainPurpose' | 'implementationPeriod';
export type DescriptionKey = 'purpose' | 'stimulus' | 'process' | 'impact' | 'keyReferenceDocuments';

export type LabelKey =
  | { section: 'contact'; key: ContactKey }
  | { section: 'action'; key: ActionKey }
  | { section: 'description'; key: DescriptionKey }
  | { section: 'criteria'; key: CriterionKey };

/** Lower case, letters and digits only: "Stimulus / rationale :" → "stimulusrationale". */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\((?:dd|d)[/.-](?:mm|m)[/.-](?:yyyy|yy)\)/g, '') // "(DD/MM/YYYY)"
    .replace(/^\s*\d{1,2}\s*[.)]\s+/, '') // "1. Goal-oriented"
    .replace(/[^a-z0-9]/g, '');
}

const ALIASES: [LabelKey, string[]][] = [
  [{ section: 'contact', key: 'city' }, ['City', 'City name', 'Municipality']],
  [{ section: 'contact', key: 'country' }, ['Country', 'Country code']],
  [{ section: 'contact', key: 'department' }, ['Department', 'Department / unit', 'Service']],
  [{ section: 'contact', key: 'completedOn' }, ['Date of completing the form', 'Date of completion', 'Date completed', 'Date']],
  [{ section: 'contact', key: 'contactPerson' }, ['Contact person', 'Contact', 'Contact name']],
  [{ section: 'action', key: 'title' }, ['Title', 'Title of the action', 'Action title', 'Name of the action']],
  [{ section: 'action', key: 'mainFieldOfAction' }, ['Main field of action', 'Field of action', 'Main field']],
  [
    { section: 'action', key: 'furtherFieldsOfAction' },
    ['Further fields of action', 'Other fields of action', 'Additional fields of action', 'Secondary fields of action', 'Further fields'],
  ],
  [{ section: 'action', key: 'mainPurpose' }, ['Main purpose']],
  [{ section: 'action', key: 'implementationPeriod' }, ['Implementation period', 'Period of implementation', 'Period']],
  [{ section: 'description', key: 'purpose' }, ['Purpose']],
  [{ section: 'description', key: 'stimulus' }, ['Stimulus/Rationale', 'Stimulus', 'Rationale', 'Stimulus and rationale']],
  [{ section: 'description', key: 'process' }, ['Process']],
  [{ section: 'description', key: 'impact' }, ['Impact']],
  [
    { section: 'description', key: 'keyReferenceDocuments' },
    ['Key reference documents', 'Key reference document', 'Key references', 'Reference documents', 'References'],
  ],
  ...CRITERIA_KEYS.map((key): [LabelKey, string[]] => [{ section: 'criteria', key }, [CRITERIA_LABELS[key]]]),
];

const LABEL_BY_NORMALISED = new Map<string, LabelKey>(
  ALIASES.flatMap(([key, names]) => names.map((n): [string, LabelKey] => [normaliseLabel(n), key])),
);

/** The field a label names, or undefined. */
export function labelKey(label: string): LabelKey | undefined {
  const normalised = normaliseLabel(label);
  return normalised ? LABEL_BY_NORMALISED.get(normalised) : undefined;
}

/**
 * Splits "Label: value" (or a bare "Label", "Label:") when Label is one of the template's labels.
 * Text before the first colon is tried first, then the whole text (a label without a colon).
 */
export function splitLabel(text: string): { label: LabelKey; rest: string } | undefined {
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 80) {
    const label = labelKey(text.slice(0, colon));
    if (label) return { label, rest: text.slice(colon + 1).trim() };
  }
  if (text.length <= 80) {
    const label = labelKey(text);
    if (label) return { label, rest: '' };
  }
  return undefined;
}

/** "N/A", "n.a.", "-", the template's "DD/MM/YYYY" placeholder and blanks are empty. */
export function isEmptyValue(value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.trim().toLowerCase();
  return v === '' || /^(n\s*\/\s*a|n\.?\s*a\.?|na|-+|–|—|dd\/mm\/yyyy)$/.test(v);
}

/** YYYY-MM-DD → DD/MM/YYYY. */
export function formatTemplateDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** DD/MM/YYYY (also D/M/YYYY, DD.MM.YYYY, DD-MM-YYYY) or YYYY-MM-DD → YYYY-MM-DD; undefined when not a real date. */
export function parseTemplateDate(value: string): string | undefined {
  const v = value.trim();
  let day: number, month: number, year: number;
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(v);
  if (m) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface FieldOfActionData {
  code: string;
  title: string;
  subFields: { code: string; title: string }[];
}

/** Code → title of the 16 ICC fields of action and their sub-fields ("5" → "Education", "3a" → "Gender and intersectionality"). */
export const ICC_FIELD_TITLES: Readonly<Record<string, string>> = Object.fromEntries(
  (fieldsOfActionData.fieldsOfAction as FieldOfActionData[]).flatMap((f) => [
    [f.code, f.title],
    ...f.subFields.map((s) => [s.code, s.title]),
  ]),
);

/** "5" → "5. Education"; an unknown code is written as it is. */
export function formatFieldOfAction(code: string, fieldTitles: Readonly<Record<string, string>> = ICC_FIELD_TITLES): string {
  const title = fieldTitles[code];
  return title ? `${code}. ${title}` : code;
}

/** "5", "5.", "5. Education", "Education", "3a", "3 a) Gender and intersectionality" → the code; undefined when unknown. */
export function parseFieldOfAction(value: string, fieldTitles: Readonly<Record<string, string>> = ICC_FIELD_TITLES): string | undefined {
  const v = value.trim();
  const codes = Object.keys(fieldTitles);
  const byCode = new Map(codes.map((c) => [c.toLowerCase(), c]));
  const numbered = /^(\d{1,2})\s*([a-z])?\s*(?:[.):–-]\s*|\s+|$)(.*)$/i.exec(v);
  if (numbered) {
    const code = byCode.get(`${numbered[1]}${numbered[2] ?? ''}`.toLowerCase());
    if (code) return code;
  }
  const wanted = normaliseLabel(v.replace(/^\d{1,2}\s*[a-z]?\s*[.):–-]\s*/i, ''));
  if (!wanted) return undefined;
  return codes.find((c) => normaliseLabel(fieldTitles[c]) === wanted);
}

/** "Yes", "No", "X", "✓" … → met; undefined when the text says neither. */
export function parseYesNo(value: string): boolean | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (/^(yes|y|true|x|✓|✔|☑|☒|oui|ja|si|sí)$/.test(v)) return true;
  if (/^(no|n|false|☐|non|nei|nein)$/.test(v)) return false;
  return undefined;
}
