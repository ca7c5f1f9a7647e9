import { EvidenceSource, EvidenceStance } from '../evidence/evidence.entity';
import { rigourIssues } from './rigour';

const { INTERVIEW, DOCUMENT, FOCUS_GROUP } = EvidenceSource;
const { SUPPORTS, CONTRADICTS, NEUTRAL } = EvidenceStance;
const scale = [1, 2, 3, 4];

describe('rigourIssues', () => {
  it('flags a conclusion that cites nothing', () => {
    expect(rigourIssues({ rating: 3 }, [], scale)).toEqual([{ code: 'NO_EVIDENCE', message: 'cites no evidence' }]);
  });

  it('flags one kind of source only', () => {
    expect(
      rigourIssues(
        { rating: 3 },
        [
          { source: DOCUMENT, stance: SUPPORTS },
          { source: DOCUMENT, stance: SUPPORTS },
        ],
        scale,
      ),
    ).toEqual([{ code: 'SINGLE_SOURCE_TYPE', message: 'rests on document evidence only' }]);
  });

  it('flags a high rating mostly contradicted and a low rating mostly supported', () => {
    const contradicted = [
      { source: INTERVIEW, stance: CONTRADICTS },
      { source: FOCUS_GROUP, stance: CONTRADICTS },
      { source: DOCUMENT, stance: SUPPORTS },
    ];
    expect(rigourIssues({ rating: 4 }, contradicted, scale)).toEqual([
      { code: 'EVIDENCE_CONTRADICTS_RATING', message: 'rated 4 but 2 of 3 cited items contradict the key factor' },
    ]);
    expect(rigourIssues({ rating: 1 }, contradicted, scale)).toEqual([]);
    const supported = [
      { source: INTERVIEW, stance: SUPPORTS },
      { source: FOCUS_GROUP, stance: SUPPORTS },
    ];
    expect(rigourIssues({ rating: 1 }, supported, scale)[0].code).toBe('EVIDENCE_CONTRADICTS_RATING');
  });

  it('is quiet for a well-founded conclusion', () => {
    expect(
      rigourIssues(
        { rating: 3 },
        [
          { source: INTERVIEW, stance: SUPPORTS },
          { source: DOCUMENT, stance: NEUTRAL },
        ],
        scale,
      ),
    ).toEqual([]);
  });
});
