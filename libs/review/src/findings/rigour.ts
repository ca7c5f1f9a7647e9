import { EvidenceSource, EvidenceStance } from '../evidence/evidence.entity';

export interface RigourIssue {
  code: 'NO_EVIDENCE' | 'SINGLE_SOURCE_TYPE' | 'EVIDENCE_CONTRADICTS_RATING';
  message: string;
}

/**
 * What the expert leader should look at before agreeing a conclusion: no evidence cited, evidence
 * of one kind only (e.g. documents alone, no interview), or cited evidence that mostly points the
 * other way from the rating. Pure, so it is tested on its own.
 */
export function rigourIssues(
  conclusion: { rating: number | null },
  cited: { source: EvidenceSource; stance: EvidenceStance }[],
  scale: number[],
): RigourIssue[] {
  const issues: RigourIssue[] = [];
  if (!cited.length) {
    issues.push({ code: 'NO_EVIDENCE', message: 'cites no evidence' });
    return issues;
  }
  const sources = [...new Set(cited.map((e) => e.source))];
  if (sources.length === 1) {
    issues.push({ code: 'SINGLE_SOURCE_TYPE', message: `rests on ${sources[0].toLowerCase().replace('_', ' ')} evidence only` });
  }
  if (conclusion.rating !== null && scale.length) {
    const sorted = [...scale].sort((a, b) => a - b);
    const middle = (sorted[0] + sorted[sorted.length - 1]) / 2;
    const contradicting = cited.filter((e) => e.stance === EvidenceStance.CONTRADICTS).length;
    const supporting = cited.filter((e) => e.stance === EvidenceStance.SUPPORTS).length;
    // A high rating mostly contradicted, or a low rating mostly supported, by what it cites.
    if (conclusion.rating > middle && contradicting * 2 > cited.length) {
      issues.push({
        code: 'EVIDENCE_CONTRADICTS_RATING',
        message: `rated ${conclusion.rating} but ${contradicting} of ${cited.length} cited items contradict the key factor`,
      });
    } else if (conclusion.rating < middle && supporting * 2 > cited.length) {
      issues.push({
        code: 'EVIDENCE_CONTRADICTS_RATING',
        message: `rated ${conclusion.rating} but ${supporting} of ${cited.length} cited items support the key factor`,
      });
    }
  }
  return issues;
}
