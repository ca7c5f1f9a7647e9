import { DataSource, EntityManager } from 'typeorm';
import { REVIEW_TEAM_ROLES } from '../team/team-member.entity';
import { WITHHELD_NAME } from './name-anonymiser';

/** What identifies a stakeholder: a position such as "director of X" identifies as well as a name. */
export interface StakeholderIdentity {
  name: string | null;
  position: string | null;
}

/**
 * The one rule for a stakeholder's name as a reader sees it: once they withdrew their consent to be
 * named, anyone outside the review team (expert leader, peers) and the secretariat reads the withheld
 * label and no position; the team and the secretariat keep reading both (they correct the reports).
 * A stakeholder who never gave that consent is shown as before.
 */
export function stakeholderAsShown<T extends StakeholderIdentity>(
  stakeholder: T,
  facts: { withdrawn: boolean; readerOnTeam: boolean },
  withheld = WITHHELD_NAME,
): T {
  if (!facts.withdrawn || facts.readerOnTeam) return stakeholder;
  return Object.assign(Object.create(Object.getPrototypeOf(stakeholder) as object) as T, stakeholder, { name: withheld, position: null });
}

/**
 * Those among these stakeholders who withdrew their consent to be named: the latest NAMED record says
 * no (the consent column is that record, stakeholder-consent.ts), as opposed to having no record at
 * all. A pseudonymised stakeholder is left out: the pseudonym already names nobody.
 */
export async function withdrewNaming(db: DataSource | EntityManager, stakeholderIds: readonly string[]): Promise<Set<string>> {
  if (!stakeholderIds.length) return new Set();
  const rows: { id: string }[] = await db.query(
    `SELECT s.id FROM stakeholder s WHERE s.id = ANY($1::uuid[]) AND NOT s.consent_to_be_named AND s.pseudonymised_at IS NULL
       AND EXISTS (SELECT 1 FROM stakeholder_consent c WHERE c.stakeholder_id = s.id AND c.kind = 'NAMED')`,
    [[...new Set(stakeholderIds)]],
  );
  return new Set(rows.map((r) => r.id));
}

/** The secretariat, or the review's expert leader or a peer: the readers who keep seeing withdrawn names. */
export async function onReviewTeam(db: DataSource | EntityManager, personId: string | null, reviewId: string): Promise<boolean> {
  if (!personId) return false;
  const [row]: { yes: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM person WHERE id = $1 AND is_admin)
         OR EXISTS (SELECT 1 FROM team_member m WHERE m.person_id = $1 AND m.review_id = $2 AND m.removed_at IS NULL AND m.role::text = ANY($3::text[])) AS yes`,
    [personId, reviewId, REVIEW_TEAM_ROLES],
  );
  return row.yes;
}

/** These stakeholders as this person reads them in the review (an email, a downloaded file). */
export async function stakeholdersAsShownTo<T extends StakeholderIdentity & { id: string }>(
  db: DataSource | EntityManager,
  personId: string | null,
  reviewId: string,
  stakeholders: T[],
  withheld = WITHHELD_NAME,
): Promise<T[]> {
  const withdrawn = await withdrewNaming(
    db,
    stakeholders.map((s) => s.id),
  );
  if (!withdrawn.size) return stakeholders;
  const readerOnTeam = await onReviewTeam(db, personId, reviewId);
  return stakeholders.map((s) => stakeholderAsShown(s, { withdrawn: withdrawn.has(s.id), readerOnTeam }, withheld));
}

/** A stakeholder as a review hands it to GraphQL: with the review it is read in, for the rule above. */
export type StakeholderInReview<T> = T & { readInReviewId?: string };

export function inReview<T extends object>(stakeholder: T, reviewId: string): StakeholderInReview<T> {
  return Object.assign(Object.create(Object.getPrototypeOf(stakeholder) as object) as T, stakeholder, { readInReviewId: reviewId });
}
