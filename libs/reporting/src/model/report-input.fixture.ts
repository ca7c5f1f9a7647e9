import { StakeholderCategory } from '@peervisit/directory/entities';
import {
  ConclusionStatus,
  EvidenceSource,
  EvidenceStance,
  RecommendationHorizon,
  RecommendationPriority,
  ReviewKind,
  VisitSessionKind,
} from '@peervisit/review/entities';
import { ReportInput } from './report-model';

/** A key factor of the fixture's benchmark, number n. */
export const kf = (n: number) => ({
  id: `kf-${n}`,
  number: n,
  code: String(n).padStart(2, '0'),
  heading: `Heading ${n}`,
  statement: `Statement ${n}.`,
});

/**
 * A small hand-made review for the report tests: two key factors in scope, a stakeholder who did not
 * consent to be named ("Zebedee Quartermaine") planted in a quote and a session title, items that must
 * stay out (retracted, withdrawn, not agreed).
 */
export function sampleReportInput(): ReportInput {
  const stakeholder = (id: string, category: StakeholderCategory, name: string | null = null, consentToBeNamed = false) => ({
    id,
    name,
    position: null,
    organisationName: null,
    category,
    consentToBeNamed,
  });
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
    review: {
      title: 'Peer review of Testby',
      kind: ReviewKind.PEER_REVIEW,
      visitStartsAt: '2027-03-09T23:30:00.000Z',
      visitEndsAt: '2027-03-11T17:00:00.000Z',
      scopeKeyFactorIds: ['kf-2', 'kf-1'],
    },
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
      {
        id: 's-2',
        kind: VisitSessionKind.FOCUS_GROUP,
        title: 'Migrant organisations',
        startsAt: '2027-03-10T13:00:00.000Z',
        endsAt: '2027-03-10T14:30:00.000Z',
        cancelledAt: null,
        keyFactorIds: ['kf-2'],
        stakeholderIds: ['m1', 'm2', 'm3', 'p1'],
      },
      {
        id: 's-1',
        kind: VisitSessionKind.INTERVIEW,
        title: 'Interview with Zebedee Quartermaine',
        startsAt: '2027-03-10T08:00:00.000Z',
        endsAt: '2027-03-10T09:00:00.000Z',
        cancelledAt: null,
        keyFactorIds: ['kf-1'],
        stakeholderIds: ['p1', 'p2', 'named'],
      },
      {
        id: 's-3',
        kind: VisitSessionKind.INTERVIEW,
        title: 'Cancelled',
        startsAt: '2027-03-11T08:00:00.000Z',
        endsAt: '2027-03-11T09:00:00.000Z',
        cancelledAt: '2027-03-09T00:00:00.000Z',
        keyFactorIds: [],
        stakeholderIds: ['p3'],
      },
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
      ev('e-migrant', {
        source: EvidenceSource.FOCUS_GROUP,
        stakeholderCategory: StakeholderCategory.MIGRANT_ORGANISATION,
        quote: 'We are heard.',
      }),
      ev('e-politician', {
        stakeholderCategory: StakeholderCategory.POLITICIAN,
        quote: 'Quartermaine here: diversity is our strength.',
        stance: EvidenceStance.NEUTRAL,
      }),
      ev('e-retracted', { quote: 'A retracted remark.', retractedAt: '2027-03-10T10:00:00.000Z' }),
      ev('e-doc', { source: EvidenceSource.DOCUMENT, keyFactorIds: ['kf-1'], stance: EvidenceStance.CONTRADICTS }),
      ev('e-out-of-scope', { keyFactorIds: ['kf-3'], quote: 'Out of scope.' }),
    ],
    conclusions: [
      {
        keyFactorId: 'kf-2',
        status: ConclusionStatus.AGREED,
        rating: 3,
        summary: 'Established.',
        strengths: 'Dialogue.',
        areasToDevelop: 'Data.',
        evidenceIds: ['e-migrant'],
      },
      {
        keyFactorId: 'kf-1',
        status: ConclusionStatus.AGREED,
        rating: 1,
        summary: 'Emerging.',
        strengths: '',
        areasToDevelop: 'Strategy.',
        evidenceIds: [],
      },
      {
        keyFactorId: 'kf-3',
        status: ConclusionStatus.DRAFT,
        rating: 2,
        summary: 'Draft.',
        strengths: '',
        areasToDevelop: '',
        evidenceIds: [],
      },
    ],
    recommendations: [
      {
        id: 'r-low',
        text: 'Low, long.',
        keyFactorIds: ['kf-1'],
        priority: RecommendationPriority.LOW,
        horizon: RecommendationHorizon.LONG_TERM,
        suggestedOwner: null,
        relatedExampleIds: [],
        createdAt: '2027-03-11T10:00:00.000Z',
      },
      {
        id: 'r-high-long',
        text: 'High, long.',
        keyFactorIds: ['kf-2'],
        priority: RecommendationPriority.HIGH,
        horizon: RecommendationHorizon.LONG_TERM,
        suggestedOwner: null,
        relatedExampleIds: [],
        createdAt: '2027-03-11T09:00:00.000Z',
      },
      {
        id: 'r-high-quick',
        text: 'High, quick.',
        keyFactorIds: ['kf-2', 'kf-1'],
        priority: RecommendationPriority.HIGH,
        horizon: RecommendationHorizon.QUICK_WIN,
        suggestedOwner: "Mayor's office",
        relatedExampleIds: ['x-1'],
        createdAt: '2027-03-11T11:00:00.000Z',
      },
      {
        id: 'r-withdrawn',
        text: 'Withdrawn one.',
        keyFactorIds: ['kf-1'],
        priority: RecommendationPriority.HIGH,
        horizon: RecommendationHorizon.QUICK_WIN,
        suggestedOwner: null,
        relatedExampleIds: [],
        createdAt: '2027-03-11T08:00:00.000Z',
        withdrawnAt: '2027-03-12T08:00:00.000Z',
      },
    ],
    examples: [
      { id: 'x-2', keyFactorId: 'kf-2', position: 2, city: 'Oslo', text: 'Oslo did it.' },
      { id: 'x-1', keyFactorId: 'kf-2', position: 1, city: 'Bergen', text: 'Bergen did it.' },
    ],
  };
}
