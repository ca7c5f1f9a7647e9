import { StakeholderCategory } from '@peervisit/directory';
import { ConclusionStatus, EvidenceSource, EvidenceStance, RecommendationHorizon, RecommendationPriority, ReviewKind, VisitSessionKind } from '@peervisit/review';
import { renderReportHtml } from '../render/html-report';
import { buildReportModel, canonicalJson, contentHash, ReportInput, WITHHELD_NAME } from './report-model';

const kf = (n: number) => ({ id: `kf-${n}`, number: n, code: String(n).padStart(2, '0'), heading: `Heading ${n}`, statement: `Statement ${n}.` });

function input(): ReportInput {
  const stakeholder = (id: string, category: StakeholderCategory, name: string | null = null, consentToBeNamed = false) => ({ id, name, position: null, organisationName: null, category, consentToBeNamed });
  const ev = (id: string, fields: Partial<ReportInput['evidence'][number]>) => ({
    id,
    source: EvidenceSource.INTERVIEW,
    stakeholderCategory: null,
    keyFactorIds: ['kf-2'],
    statement: `Statement of ${id}.`,
    quote: null,
    stance: EvidenceStance.SUPPORTS,
    observedAt: '2027-03-10T09:30:00.000Z',
    retractedAt: null,
    ...fields,
  });
  return {
    review: { title: 'Peer review of Testby', kind: ReviewKind.PEER_REVIEW, visitStartsAt: '2027-03-09T23:30:00.000Z', visitEndsAt: '2027-03-11T17:00:00.000Z', scopeKeyFactorIds: ['kf-2', 'kf-1'] },
    hostCity: { name: 'Testby', country: 'NO', timeZone: 'Europe/Oslo' },
    benchmark: {
      code: 'EUROCITIES-PCD',
      version: 1,
      title: 'Promoting cultural diversity',
      standard: 'The standard.',
      sourceTitle: 'Toolkit',
      sourceOrganisation: 'EUROCITIES',
      sourceYear: 2010,
      attribution: 'Credit to EUROCITIES.',
      ratingScale: [
        { value: 1, label: 'Emerging', description: 'd1' },
        { value: 2, label: 'Developing', description: 'd2' },
        { value: 3, label: 'Established', description: 'd3' },
      ],
      ratingScaleEditorial: true,
    },
    keyFactors: [kf(3), kf(2), kf(1)],
    contextFactors: [{ id: 'cf-1', number: 1, code: 'C1', name: 'National legislation' }],
    contextNotes: [{ contextFactorId: 'cf-1', note: 'National law sets the frame.' }],
    team: [
      { fullName: 'Piet Peer', role: 'PEER', cityName: 'Rotterdam', organisationName: 'City of Rotterdam' },
      { fullName: 'Lena Leader', role: 'EXPERT_LEADER', cityName: null, organisationName: 'Secretariat' },
      { fullName: 'Coco Coordinator', role: 'HOST_COORDINATOR', cityName: 'Testby', organisationName: null },
    ],
    selfAssessment: [{ keyFactorId: 'kf-1', rating: 2, narrative: 'We are developing.', status: 'SUBMITTED' }],
    documents: [
      { id: 'd-1', title: 'Integration strategy', type: 'STRATEGY', retractedAt: null },
      { id: 'd-2', title: 'Withdrawn memo', type: 'OTHER', retractedAt: '2027-03-01T00:00:00.000Z' },
    ],
    sessions: [
      { id: 's-2', kind: VisitSessionKind.FOCUS_GROUP, title: 'Migrant organisations', startsAt: '2027-03-10T13:00:00.000Z', endsAt: '2027-03-10T14:30:00.000Z', cancelledAt: null, keyFactorIds: ['kf-2'], stakeholderIds: ['m1', 'm2', 'm3', 'p1'] },
      { id: 's-1', kind: VisitSessionKind.INTERVIEW, title: 'Interview with Zebedee Quartermaine', startsAt: '2027-03-10T08:00:00.000Z', endsAt: '2027-03-10T09:00:00.000Z', cancelledAt: null, keyFactorIds: ['kf-1'], stakeholderIds: ['p1', 'p2', 'named'] },
      { id: 's-3', kind: VisitSessionKind.INTERVIEW, title: 'Cancelled', startsAt: '2027-03-11T08:00:00.000Z', endsAt: '2027-03-11T09:00:00.000Z', cancelledAt: '2027-03-09T00:00:00.000Z', keyFactorIds: [], stakeholderIds: ['p3'] },
    ],
    stakeholders: [
      stakeholder('m1', StakeholderCategory.MIGRANT_ORGANISATION, 'Amal One'),
      stakeholder('m2', StakeholderCategory.MIGRANT_ORGANISATION),
      stakeholder('m3', StakeholderCategory.MIGRANT_ORGANISATION),
      stakeholder('p1', StakeholderCategory.POLITICIAN, 'Zebedee Quartermaine'),
      stakeholder('p2', StakeholderCategory.POLITICIAN),
      // Met only in the cancelled session: does not count towards politicians.
      stakeholder('p3', StakeholderCategory.POLITICIAN),
      stakeholder('named', StakeholderCategory.CITY_OFFICIAL, 'Olivia Open', true),
    ],
    evidence: [
      ev('e-migrant', { source: EvidenceSource.FOCUS_GROUP, stakeholderCategory: StakeholderCategory.MIGRANT_ORGANISATION, quote: 'We are heard.' }),
      ev('e-politician', { stakeholderCategory: StakeholderCategory.POLITICIAN, quote: 'Quartermaine here: diversity is our strength.', stance: EvidenceStance.NEUTRAL }),
      ev('e-retracted', { quote: 'A retracted remark.', retractedAt: '2027-03-10T10:00:00.000Z' }),
      ev('e-doc', { source: EvidenceSource.DOCUMENT, keyFactorIds: ['kf-1'], stance: EvidenceStance.CONTRADICTS }),
      ev('e-out-of-scope', { keyFactorIds: ['kf-3'], quote: 'Out of scope.' }),
    ],
    conclusions: [
      { keyFactorId: 'kf-2', status: ConclusionStatus.AGREED, rating: 3, summary: 'Established.', strengths: 'Dialogue.', areasToDevelop: 'Data.', evidenceIds: ['e-migrant'] },
      { keyFactorId: 'kf-1', status: ConclusionStatus.AGREED, rating: 1, summary: 'Emerging.', strengths: '', areasToDevelop: 'Strategy.', evidenceIds: [] },
      { keyFactorId: 'kf-3', status: ConclusionStatus.DRAFT, rating: 2, summary: 'Draft.', strengths: '', areasToDevelop: '', evidenceIds: [] },
    ],
    recommendations: [
      { id: 'r-low', text: 'Low, long.', keyFactorIds: ['kf-1'], priority: RecommendationPriority.LOW, horizon: RecommendationHorizon.LONG_TERM, suggestedOwner: null, relatedExampleIds: [], createdAt: '2027-03-11T10:00:00.000Z' },
      { id: 'r-high-long', text: 'High, long.', keyFactorIds: ['kf-2'], priority: RecommendationPriority.HIGH, horizon: RecommendationHorizon.LONG_TERM, suggestedOwner: null, relatedExampleIds: [], createdAt: '2027-03-11T09:00:00.000Z' },
      { id: 'r-high-quick', text: 'High, quick.', keyFactorIds: ['kf-2', 'kf-1'], priority: RecommendationPriority.HIGH, horizon: RecommendationHorizon.QUICK_WIN, suggestedOwner: 'Mayor\'s office', relatedExampleIds: ['x-1'], createdAt: '2027-03-11T11:00:00.000Z' },
      { id: 'r-withdrawn', text: 'Withdrawn one.', keyFactorIds: ['kf-1'], priority: RecommendationPriority.HIGH, horizon: RecommendationHorizon.QUICK_WIN, suggestedOwner: null, relatedExampleIds: [], createdAt: '2027-03-11T08:00:00.000Z', withdrawnAt: '2027-03-12T08:00:00.000Z' },
    ],
    examples: [
      { id: 'x-2', keyFactorId: 'kf-2', position: 2, city: 'Oslo', text: 'Oslo did it.' },
      { id: 'x-1', keyFactorId: 'kf-2', position: 1, city: 'Bergen', text: 'Bergen did it.' },
    ],
  };
}

describe('buildReportModel', () => {
  it('never names a stakeholder who did not consent, anywhere in the model or the HTML; a consenting one may be named', () => {
    const model = buildReportModel(input());
    const json = JSON.stringify(model);
    const page = renderReportHtml(model);
    for (const text of [json, page]) {
      expect(text).not.toMatch(/Zebedee/i);
      expect(text).not.toMatch(/Quartermaine/);
      expect(text).not.toMatch(/Amal One/);
    }
    expect(model.annex.programme[0].title).toBe(`Interview with ${WITHHELD_NAME}`);
    expect(model.method.sources.namedStakeholders).toEqual([{ name: 'Olivia Open', position: null, organisation: null }]);
    expect(page).toContain('Olivia Open');
  });

  it('counts categories with fewer than three people met (in sessions held) as "other stakeholders" and attributes their quotes the same way', () => {
    const model = buildReportModel(input());
    expect(model.method.sources.stakeholdersMet).toBe(6);
    expect(model.method.sources.stakeholderCategories).toEqual([
      { label: 'migrant organisations', count: 3 },
      { label: 'other stakeholders', count: 3 },
    ]);
    const quotes = model.keyFactors.find((k) => k.code === '02')!.evidence.quotes;
    expect(quotes).toEqual([
      { text: 'We are heard.', attribution: 'a representative of a migrant organisation', stance: 'SUPPORTS' },
      { text: `${WITHHELD_NAME} here: diversity is our strength.`, attribution: 'another stakeholder', stance: 'NEUTRAL' },
    ]);
    expect(model.annex.programme.map((s) => s.stakeholderCategories)).toEqual([
      [{ label: 'other stakeholders', count: 3 }],
      [
        { label: 'migrant organisations', count: 3 },
        { label: 'other stakeholders', count: 1 },
      ],
    ]);
  });

  it('leaves out retracted evidence and documents, withdrawn recommendations, draft conclusions, cancelled sessions and key factors out of scope', () => {
    const model = buildReportModel(input());
    const json = JSON.stringify(model);
    for (const text of ['A retracted remark', 'Withdrawn memo', 'Withdrawn one', 'Draft.', 'Cancelled', 'Out of scope', 'Heading 3']) expect(json).not.toContain(text);
    const kf2 = model.keyFactors.find((k) => k.code === '02')!;
    expect(kf2.evidence.total).toBe(2);
    expect(kf2.evidence.bySource.find((s) => s.source === 'INTERVIEW')!.count).toBe(1);
    expect(kf2.evidence.byStance).toEqual([
      { stance: 'SUPPORTS', count: 1 },
      { stance: 'CONTRADICTS', count: 0 },
      { stance: 'NEUTRAL', count: 1 },
    ]);
    expect(model.method.sources).toMatchObject({ documents: [{ title: 'Integration strategy', type: 'STRATEGY' }], interviews: 1, focusGroups: 1, sessionsHeld: 2 });
  });

  it('orders key factors by number, recommendations by priority then horizon, and gives dates as local ISO strings', () => {
    const model = buildReportModel(input());
    expect(model.keyFactors.map((k) => k.code)).toEqual(['01', '02']);
    expect(model.executiveSummary.keyFactors).toEqual([
      { code: '01', heading: 'Heading 1', rating: { value: 1, label: 'Emerging' } },
      { code: '02', heading: 'Heading 2', rating: { value: 3, label: 'Established' } },
    ]);
    expect(model.recommendationTable.flatMap((c) => c.recommendations.map((r) => `${r.ref} ${r.text}`))).toEqual(['R1 High, quick.', 'R2 High, long.', 'R3 Low, long.']);
    expect(model.executiveSummary.highPriorityRecommendations.map((r) => r.ref)).toEqual(['R1', 'R2']);
    expect(model.keyFactors[0].recommendations.map((r) => r.ref)).toEqual(['R1', 'R3']);
    expect(model.keyFactors[1].goodPractices).toEqual([
      { city: 'Bergen', text: 'Bergen did it.', referencedByRecommendations: ['R1'] },
      { city: 'Oslo', text: 'Oslo did it.', referencedByRecommendations: [] },
    ]);
    expect(model.keyFactors[1].recommendations[0].relatedExamples).toEqual([{ keyFactorCode: '02', city: 'Bergen', text: 'Bergen did it.' }]);
    expect(model.cover.visit).toEqual({ startDate: '2027-03-10', endDate: '2027-03-11' });
    expect(model.cover.team).toEqual([
      { name: 'Lena Leader', role: 'Expert leader', city: null },
      { name: 'Piet Peer', role: 'Peer', city: 'Rotterdam' },
    ]);
    expect(model.annex.programme[0]).toMatchObject({ startsAt: '2027-03-10T09:00:00+01:00', endsAt: '2027-03-10T10:00:00+01:00', keyFactorCodes: ['01'] });
    // Plain JSON only: no Date objects, nothing lost in a round trip, no ids of rows.
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(JSON.stringify(model)).not.toMatch(/"(kf|r|x|s|e|d)-[\w-]+"/);
  });

  it('gives the same hash for the same data, whatever the order it was loaded in; a changed rating changes it', () => {
    const a = input();
    const b = input();
    b.keyFactors.reverse();
    b.evidence.reverse();
    b.recommendations.reverse();
    b.sessions.reverse();
    b.stakeholders.reverse();
    b.examples.reverse();
    expect(contentHash(buildReportModel(b))).toBe(contentHash(buildReportModel(a)));
    expect(contentHash(buildReportModel(a))).toMatch(/^[0-9a-f]{64}$/);
    const c = input();
    c.conclusions[0].rating = 2;
    expect(contentHash(buildReportModel(c))).not.toBe(contentHash(buildReportModel(a)));
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
  });
});

describe('renderReportHtml', () => {
  it('is a complete document with the cover, the summary table and each key factor, with everything escaped', () => {
    const data = input();
    data.keyFactors[1].heading = '<script>alert("x")</script> & more';
    const page = renderReportHtml(buildReportModel(data));
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Testby: follow-up report</h1>');
    expect(page).toContain('<caption>Key factors and their ratings</caption>');
    expect(page).toContain('<th scope="col">Rating</th>');
    expect(page).toContain('id="kf-01-h"');
    expect(page).toContain('id="kf-02-h"');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page).toContain('Credit to EUROCITIES.');
  });
});
