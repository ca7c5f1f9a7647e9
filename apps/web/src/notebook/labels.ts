import type { EvidenceSource, EvidenceStance, StakeholderCategory, VisitSessionKind } from '../graphql/generated/graphql';

export const STANCES: EvidenceStance[] = ['SUPPORTS', 'NEUTRAL', 'CONTRADICTS'];
export const SOURCES: EvidenceSource[] = ['INTERVIEW', 'FOCUS_GROUP', 'OBSERVATION', 'DOCUMENT', 'SELF_ASSESSMENT'];
export const CATEGORIES: StakeholderCategory[] = [
  'CITY_OFFICIAL',
  'POLITICIAN',
  'CIVIL_SOCIETY',
  'MIGRANT_ORGANISATION',
  'SERVICE_PROVIDER',
  'RESIDENT',
  'BUSINESS',
  'ACADEMIA',
  'FAITH_LEADER',
  'MEDIA',
  'TRADE_UNION',
  'NATIONAL_GOVERNMENT',
  'OTHER',
];

/** The source a session's evidence comes from (the API's rule: which session kinds each source may name). */
export function sourceForSession(kind: VisitSessionKind): EvidenceSource | null {
  if (kind === 'INTERVIEW') return 'INTERVIEW';
  if (kind === 'FOCUS_GROUP') return 'FOCUS_GROUP';
  if (kind === 'SITE_VISIT' || kind === 'BRIEFING') return 'OBSERVATION';
  return null;
}

/** Sources that may name this session kind. */
export function sourcesForSession(kind: VisitSessionKind): EvidenceSource[] {
  if (kind === 'INTERVIEW') return ['INTERVIEW', 'OBSERVATION'];
  if (kind === 'FOCUS_GROUP') return ['FOCUS_GROUP', 'OBSERVATION'];
  if (kind === 'SITE_VISIT' || kind === 'BRIEFING') return ['OBSERVATION'];
  return [];
}
