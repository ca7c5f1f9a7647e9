import { IndexDocument, parseIndexDocument } from '../definition/index-document';
import { AnswerValue, maxPointsOf, pointsOf, scoreIndex } from './index-scoring';

/**
 * Scoring with a hand-computed fixture: a city with known answers gets known scores.
 *
 *   A (weight 2): Q1 YES → 2 of 2; q2 ticks X only → 1 of 2 (X, Y, Z worth 1 each, capped at 2); q3 text, not scored.
 *                 → 3 / 4 = 75.0
 *   B (weight 1): q4 25 % → threshold 10 reached → 1 of 2; q5 "M" → 1 of 3.  → 2 / 5 = 40.0
 *   C (weight 1): q6 4 events → below the first paying threshold (5) → 0 of 2.  → 0.0
 *   composite AB = (2 × 75 + 1 × 40) / 3 = 63.33… → 63.3
 *   overall      = (2 × 75 + 40 + 0) / 4 = 47.5
 */
const fixture = {
  code: 'TEST-INDEX',
  title: { en: 'Test Index' },
  source: { organisation: 'PeerVisit', attribution: 'Test fixture.' },
  indicators: [
    {
      code: 'A',
      number: 1,
      name: { en: 'Alpha', fr: 'Alpha (fr)' },
      weight: 2,
      questions: [
        {
          code: 'Q1',
          text: { en: 'Yes?' },
          type: 'YES_NO',
          dataType: 'INPUT',
          options: [
            { code: 'YES', label: { en: 'Yes' }, points: 2 },
            { code: 'NO', label: { en: 'No' }, points: 0 },
          ],
        },
        {
          code: 'Q2',
          text: { en: 'Which?' },
          type: 'MULTIPLE_CHOICE',
          dataType: 'INPUT',
          maxPoints: 2,
          options: ['X', 'Y', 'Z'].map((code) => ({ code, label: { en: code }, points: 1 })),
        },
        { code: 'Q3', text: { en: 'Describe.' }, type: 'TEXT', dataType: 'IMPACT' },
      ],
    },
    {
      code: 'B',
      number: 2,
      name: { en: 'Beta' },
      weight: 1,
      questions: [
        {
          code: 'Q4',
          text: { en: 'Share?' },
          type: 'PERCENTAGE',
          dataType: 'FACT',
          thresholds: [
            { min: 0, points: 0 },
            { min: 10, points: 1 },
            { min: 30, points: 2 },
          ],
        },
        {
          code: 'Q5',
          text: { en: 'How much?' },
          type: 'SINGLE_CHOICE',
          dataType: 'IMPACT',
          options: [
            { code: 'H', label: { en: 'High' }, points: 3 },
            { code: 'M', label: { en: 'Medium' }, points: 1 },
            { code: 'L', label: { en: 'Low' }, points: 0 },
          ],
        },
      ],
    },
    {
      code: 'C',
      number: 3,
      name: { en: 'Gamma' },
      weight: 1,
      questions: [
        {
          code: 'Q6',
          text: { en: 'How many?' },
          type: 'NUMBER',
          dataType: 'INPUT',
          thresholds: [
            { min: 0, points: 0 },
            { min: 5, points: 1 },
            { min: 20, points: 2 },
          ],
        },
      ],
    },
  ],
  composites: [{ code: 'AB', name: { en: 'A and B' }, indicators: ['A', 'B'] }],
};

const definition = (): IndexDocument => {
  const { document, problems } = parseIndexDocument(fixture);
  expect(problems).toEqual([]);
  return document!;
};

const answers = new Map<string, AnswerValue>([
  ['Q1', { option: 'YES' }],
  ['Q2', { options: ['X'] }],
  ['Q3', { text: 'We meet.' }],
  ['Q4', { number: 25 }],
  ['Q5', { option: 'M' }],
  ['Q6', { number: 4 }],
]);

describe('Index scoring', () => {
  it('gives the hand-computed scores per indicator, composite and overall', () => {
    const scores = scoreIndex(definition(), answers);
    expect(scores.indicators).toEqual([
      { code: 'A', points: 3, maxPoints: 4, computed: 75, corrected: null, final: 75 },
      { code: 'B', points: 2, maxPoints: 5, computed: 40, corrected: null, final: 40 },
      { code: 'C', points: 0, maxPoints: 2, computed: 0, corrected: null, final: 0 },
    ]);
    expect(scores.composites).toEqual([{ code: 'AB', score: 63.3 }]);
    expect(scores.overall).toBe(47.5);
    expect(scores.overallComputed).toBe(47.5);
  });

  it("uses an expert's corrected score for the overall Index, keeping the computed one beside it", () => {
    const scores = scoreIndex(definition(), answers, new Map([['C', 50]]));
    expect(scores.indicators[2]).toEqual({ code: 'C', points: 0, maxPoints: 2, computed: 0, corrected: 50, final: 50 });
    expect(scores.overall).toBe(60); // (150 + 40 + 50) / 4
    expect(scores.overallComputed).toBe(47.5);
    expect(scores.composites).toEqual([{ code: 'AB', score: 63.3 }]);
  });

  it('applies each rule at its edges: thresholds inclusive, multiple choice capped, unknown options and no answer score 0', () => {
    const d = definition();
    const [q1, q2] = d.indicators[0].questions;
    const [q4] = d.indicators[1].questions;
    expect(pointsOf(q4, { number: 30 })).toBe(2);
    expect(pointsOf(q4, { number: 29.9 })).toBe(1);
    expect(pointsOf(q4, { number: -1 })).toBe(0);
    expect(pointsOf(q2, { options: ['X', 'Y', 'Z'] })).toBe(2);
    expect(maxPointsOf(q2)).toBe(2);
    expect(pointsOf(q1, { option: 'MAYBE' })).toBe(0);
    expect(pointsOf(q1, null)).toBe(0);
    const none = scoreIndex(d, new Map());
    expect(none.indicators.map((i) => i.computed)).toEqual([0, 0, 0]);
  });

  it('is reproducible: the same answers and definition give the same scores, whatever the order of the answers', () => {
    const first = scoreIndex(definition(), answers);
    const reversed = scoreIndex(definition(), new Map([...answers].reverse()));
    expect(reversed).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(scoreIndex(JSON.parse(JSON.stringify(definition())), answers));
  });

  it('leaves an indicator without scored questions out of the weighted means', () => {
    const d = definition();
    d.indicators[2].questions = [];
    const scores = scoreIndex(d, answers);
    expect(scores.indicators[2].computed).toBeNull();
    expect(scores.overall).toBe(63.3); // (2 × 75 + 40) / 3
  });
});
