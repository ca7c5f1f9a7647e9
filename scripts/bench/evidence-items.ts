/**
 * The evidence items the load clients send, shaped the same way for the GraphQL clients and for the
 * plain-INSERT floor so that both write the same rows. Kept free of app imports: it runs in the
 * load generator's worker thread.
 */
import { randomUUID } from 'node:crypto';

export interface SessionRef {
  id: string;
  kind: 'INTERVIEW' | 'FOCUS_GROUP' | 'SITE_VISIT';
}

export const CATEGORIES = [
  'CITY_OFFICIAL',
  'POLITICIAN',
  'CIVIL_SOCIETY',
  'MIGRANT_ORGANISATION',
  'SERVICE_PROVIDER',
  'RESIDENT',
  'BUSINESS',
  'ACADEMIA',
];

/** The fields of one evidence item as the GraphQL input has them (also mapped to columns for the floor). */
export interface EvidenceItem {
  id: string;
  source: 'INTERVIEW' | 'FOCUS_GROUP' | 'OBSERVATION';
  sessionId: string;
  stakeholderCategory: string | null;
  keyFactorIds: string[];
  statement: string;
  quote: string | null;
  stance: 'SUPPORTS' | 'CONTRADICTS' | 'NEUTRAL';
  observedAt: string;
}

const SOURCE_OF_KIND = { INTERVIEW: 'INTERVIEW', FOCUS_GROUP: 'FOCUS_GROUP', SITE_VISIT: 'OBSERVATION' } as const;
const STANCES = ['SUPPORTS', 'SUPPORTS', 'CONTRADICTS', 'NEUTRAL'] as const;

/**
 * The n-th item a peer logs: what a phone sends after an interview, a focus group or a site visit
 * (a statement of a couple of sentences, a verbatim quote one time in three, one or two key factors).
 */
export function evidenceItem(review: { sessions: SessionRef[]; keyFactorIds: string[] }, n: number): EvidenceItem {
  const session = review.sessions[n % review.sessions.length];
  const source = SOURCE_OF_KIND[session.kind];
  const kf = review.keyFactorIds;
  return {
    id: randomUUID(),
    source,
    sessionId: session.id,
    stakeholderCategory: source === 'OBSERVATION' ? null : CATEGORIES[n % CATEGORIES.length],
    keyFactorIds: n % 3 === 0 ? [kf[n % kf.length], kf[(n + 4) % kf.length]] : [kf[n % kf.length]],
    statement: `Item ${n}: the department head explained that the intercultural strategy is reviewed every year with the migrant council, and that the budget line for it survived the last round of cuts.`,
    quote: n % 3 === 0 ? 'We would not cut this; the council would not let us, and they would be right.' : null,
    stance: STANCES[n % STANCES.length],
    observedAt: new Date().toISOString(),
  };
}
