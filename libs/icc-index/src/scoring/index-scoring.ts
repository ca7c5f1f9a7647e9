import type { IndexDocument, IndexQuestionDocument } from '../definition/index-document';

/**
 * The Index's scores, computed from the answers and the definition version alone (pure functions, no
 * database), so any published result can be recomputed and checked. Rules:
 * - a question scores the points of its rule: the option chosen (YES_NO, SINGLE_CHOICE), the options
 *   ticked summed up to maxPoints (MULTIPLE_CHOICE), the highest threshold the number reaches
 *   (NUMBER, PERCENTAGE); TEXT questions and unanswered ones score 0;
 * - an indicator scores 100 × its points / its maximum points, to one decimal (null when none of its
 *   questions is scored); an expert's corrected score, when there is one, replaces it;
 * - a composite and the overall Index are the weighted means (indicator weights) of the indicators'
 *   final scores, to one decimal.
 */
export interface AnswerValue {
  option?: string | null;
  options?: string[] | null;
  number?: number | null;
  text?: string | null;
}

export interface IndicatorScore {
  code: string;
  points: number;
  maxPoints: number;
  /** Computed from the answers; null when the indicator has no scored question. */
  computed: number | null;
  /** An expert's correction, or null. */
  corrected: number | null;
  /** corrected ?? computed: what composites and the overall Index use. */
  final: number | null;
}

export interface IndexScores {
  indicators: IndicatorScore[];
  composites: { code: string; score: number | null }[];
  /** The Index from the final indicator scores. */
  overall: number | null;
  /** The Index from the computed scores alone, so a correction's effect stays visible. */
  overallComputed: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function maxPointsOf(question: IndexQuestionDocument): number {
  switch (question.type) {
    case 'YES_NO':
    case 'SINGLE_CHOICE':
      return Math.max(0, ...(question.options ?? []).map((o) => o.points));
    case 'MULTIPLE_CHOICE': {
      const sum = (question.options ?? []).reduce((total, o) => total + o.points, 0);
      return question.maxPoints !== undefined ? Math.min(question.maxPoints, sum) : sum;
    }
    case 'NUMBER':
    case 'PERCENTAGE':
      return Math.max(0, ...(question.thresholds ?? []).map((t) => t.points));
    default:
      return 0;
  }
}

export function pointsOf(question: IndexQuestionDocument, value: AnswerValue | null | undefined): number {
  if (!value) return 0;
  switch (question.type) {
    case 'YES_NO':
    case 'SINGLE_CHOICE':
      return question.options?.find((o) => o.code === value.option)?.points ?? 0;
    case 'MULTIPLE_CHOICE': {
      const ticked = new Set(value.options ?? []);
      const sum = (question.options ?? []).filter((o) => ticked.has(o.code)).reduce((total, o) => total + o.points, 0);
      return Math.min(sum, maxPointsOf(question));
    }
    case 'NUMBER':
    case 'PERCENTAGE': {
      if (typeof value.number !== 'number') return 0;
      const reached = (question.thresholds ?? []).filter((t) => value.number! >= t.min).sort((a, b) => b.min - a.min);
      return reached[0]?.points ?? 0;
    }
    default:
      return 0;
  }
}

function weightedMean(items: { weight: number; score: number | null }[]): number | null {
  const scored = items.filter((i): i is { weight: number; score: number } => i.score !== null);
  const weights = scored.reduce((total, i) => total + i.weight, 0);
  if (!weights) return null;
  return round1(scored.reduce((total, i) => total + i.weight * i.score, 0) / weights);
}

export function scoreIndex(
  definition: Pick<IndexDocument, 'indicators' | 'composites'>,
  answers: ReadonlyMap<string, AnswerValue | null>,
  corrections: ReadonlyMap<string, number> = new Map(),
): IndexScores {
  const indicators = definition.indicators.map((indicator): IndicatorScore & { weight: number } => {
    let points = 0;
    let maxPoints = 0;
    for (const question of indicator.questions) {
      points += pointsOf(question, answers.get(question.code));
      maxPoints += maxPointsOf(question);
    }
    const computed = maxPoints > 0 ? round1((100 * points) / maxPoints) : null;
    const corrected = corrections.get(indicator.code) ?? null;
    return { code: indicator.code, weight: indicator.weight, points, maxPoints, computed, corrected, final: corrected ?? computed };
  });
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  return {
    indicators: indicators.map(({ weight: _weight, ...score }) => score),
    composites: definition.composites.map((composite) => ({
      code: composite.code,
      score: weightedMean(composite.indicators.map((c) => byCode.get(c)!).map((i) => ({ weight: i.weight, score: i.final }))),
    })),
    overall: weightedMean(indicators.map((i) => ({ weight: i.weight, score: i.final }))),
    overallComputed: weightedMean(indicators.map((i) => ({ weight: i.weight, score: i.computed }))),
  };
}
