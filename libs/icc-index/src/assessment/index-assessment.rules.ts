import { Problem } from '@peervisit/platform';
import { IndexDocument, IndexQuestionDocument, localize } from '../definition/index-document';
import type { AnswerValue } from '../scoring/index-scoring';

/** The fields an answer may carry, one per kind of question. */
export interface AnswerFields {
  option?: string | null;
  options?: string[] | null;
  number?: number | null;
  text?: string | null;
  clear?: boolean | null;
}

export type LocatedQuestion = IndexQuestionDocument & { indicatorCode: string; indicatorName: string };

export function questionsOf(content: Pick<IndexDocument, 'indicators'>): Map<string, LocatedQuestion> {
  return new Map(
    content.indicators.flatMap((i) =>
      i.questions.map((q) => [q.code, { ...q, indicatorCode: i.code, indicatorName: localize(i.name) }] as const),
    ),
  );
}

const FIELD_OF: Record<string, keyof AnswerFields> = {
  YES_NO: 'option',
  SINGLE_CHOICE: 'option',
  MULTIPLE_CHOICE: 'options',
  NUMBER: 'number',
  PERCENTAGE: 'number',
  TEXT: 'text',
};

/** Every problem with an answer to this question, at once. */
export function valueProblems(question: IndexQuestionDocument, input: AnswerFields): Problem[] {
  const problems: Problem[] = [];
  const expected = FIELD_OF[question.type];
  for (const field of ['option', 'options', 'number', 'text'] as const) {
    if (field !== expected && input[field] !== undefined && input[field] !== null)
      problems.push({
        path: field,
        message: `question ${question.code} is ${question.type}: answer it with "${expected}", not "${field}"`,
      });
  }
  if (input.clear && input[expected] !== undefined && input[expected] !== null)
    problems.push({ path: 'clear', message: 'either clear the answer or give one, not both' });
  const codes = new Set((question.options ?? []).map((o) => o.code));
  const known = [...codes].join(', ');
  if (expected === 'option' && input.option != null && !codes.has(input.option))
    problems.push({ path: 'option', message: `"${input.option}" is not an option of question ${question.code} (${known})` });
  if (expected === 'options' && input.options != null)
    input.options.forEach((o, i) => {
      if (!codes.has(o))
        problems.push({ path: `options[${i}]`, message: `"${o}" is not an option of question ${question.code} (${known})` });
    });
  if (expected === 'number' && input.number != null) {
    if (!Number.isFinite(input.number)) problems.push({ path: 'number', message: 'must be a number' });
    else if (question.type === 'PERCENTAGE' && (input.number < 0 || input.number > 100))
      problems.push({ path: 'number', message: 'a percentage is between 0 and 100' });
  }
  return problems;
}

function answered(question: IndexQuestionDocument, value: AnswerValue | null | undefined): boolean {
  if (!value) return false;
  switch (FIELD_OF[question.type]) {
    case 'option':
      return !!value.option;
    case 'options':
      // Ticking none is an answer ("none of these"), once saved.
      return Array.isArray(value.options);
    case 'number':
      return typeof value.number === 'number';
    default:
      return !!value.text?.trim();
  }
}

/** A question still open: no answer, or an answer without the example or reference the method asks for. */
export interface OpenQuestion {
  code: string;
  indicatorCode: string;
  indicatorName: IndexDocument['indicators'][number]['name'];
  lacks: 'answer' | 'reference';
}

/** The questions still open, in the Index's order (what submission and the reminders both read). */
export function openQuestions(
  content: Pick<IndexDocument, 'indicators'>,
  answers: { questionCode: string; value: AnswerValue | null; reference: string }[],
): OpenQuestion[] {
  const byCode = new Map(answers.map((a) => [a.questionCode, a]));
  const open: OpenQuestion[] = [];
  for (const indicator of content.indicators) {
    for (const question of indicator.questions) {
      const answer = byCode.get(question.code);
      const at = { code: question.code, indicatorCode: indicator.code, indicatorName: indicator.name };
      if (!answered(question, answer?.value)) open.push({ ...at, lacks: 'answer' });
      else if (question.requiresReference && !answer?.reference.trim()) open.push({ ...at, lacks: 'reference' });
    }
  }
  return open;
}

/**
 * What keeps the questionnaire from being submitted, one phrase per question, in the Index's order:
 * an unanswered question, or an answer without the example or reference the method asks for.
 */
export function completeness(
  content: Pick<IndexDocument, 'indicators'>,
  answers: { questionCode: string; value: AnswerValue | null; reference: string }[],
): string[] {
  return openQuestions(content, answers).map(
    (q) => `question ${q.code} (${localize(q.indicatorName)}) ${q.lacks === 'answer' ? 'has no answer' : 'needs an example or reference'}`,
  );
}
