import { recordConsent } from '@peervisit/directory';
import { ConsentKind, ConsentMethod } from '@peervisit/directory/entities';
import { EntityManager } from 'typeorm';
import { nameAnonymiser } from '../anonymisation/name-anonymiser';

/** How a stakeholder's name reads once it is gone: stable (the same everywhere for one stakeholder) and meaningless. */
export const stakeholderPseudonym = (id: string) => `Stakeholder ${shortId(id)}`;
/** The same for a person with an account. */
export const personPseudonym = (id: string) => `Former member ${shortId(id)}`;
/** An address that can never receive mail (RFC 2606 reserves .invalid), unique per person as the column requires. */
export const erasedEmail = (id: string) => `erased-${id}@erased.invalid`;

const shortId = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();

/**
 * Replaces a stakeholder's name with a pseudonym in the directory and withholds it in the texts of the
 * city's reviews. Used by retention and by erasure. Answers the reviews whose texts were searched.
 */
export async function pseudonymiseStakeholder(manager: EntityManager, id: string, now: Date): Promise<void> {
  const [stakeholder] = await manager.query('SELECT name, city_id, consent_to_be_named FROM stakeholder WHERE id = $1 FOR UPDATE', [id]);
  await manager.query(`UPDATE stakeholder SET name = $2, position = NULL, pseudonymised_at = $3, updated_at = now() WHERE id = $1`, [
    id,
    stakeholderPseudonym(id),
    now,
  ]);
  // A pseudonym names nobody: consent to be named ends, as a record (the current state follows the records),
  // and the notes of their consent records, which may name them, go.
  await manager.query('UPDATE stakeholder_consent SET note = NULL WHERE stakeholder_id = $1', [id]);
  if (stakeholder?.consent_to_be_named)
    await recordConsent(manager, id, null, {
      kind: ConsentKind.NAMED,
      given: false,
      method: ConsentMethod.NOT_RECORDED,
      note: 'Pseudonymised',
    });
  if (stakeholder?.name)
    await withholdName(manager, stakeholder.name, 'SELECT id FROM review WHERE host_city_id = $1', [stakeholder.city_id]);
}

/**
 * Withholds a name, with the same anonymiser the reports use (any of its parts, in any case, with or
 * without accents), in every text of the given reviews that can carry it; `reviews` is a query of
 * review ids over `params`. The substance of each text stays.
 */
export async function withholdName(manager: EntityManager, name: string, reviews: string, params: unknown[]): Promise<void> {
  if (!name.trim()) return;
  const anonymiser = nameAnonymiser({ stakeholders: [{ name, consentToBeNamed: false }], team: [] });
  const withhold = (value: unknown): unknown =>
    typeof value === 'string'
      ? anonymiser.anonymise(value)
      : Array.isArray(value)
        ? value.map(withhold)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withhold(v)]))
          : value;
  for (const { table, columns, scope } of NAME_BEARING_COLUMNS) {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT id, ${columns.join(', ')} FROM ${table} WHERE ${scope.replace('$REVIEWS', reviews)}`,
      params,
    );
    for (const row of rows) {
      const changed = columns.filter((c) => JSON.stringify(withhold(row[c])) !== JSON.stringify(row[c]));
      if (!changed.length) continue;
      await manager.query(`UPDATE ${table} SET ${changed.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [
        row.id,
        ...changed.map((c) => {
          const value = withhold(row[c]);
          return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
        }),
      ]);
    }
  }
}

/**
 * Every text of a review where a person's name may have been written, and how to find those rows
 * from a query of review ids ($REVIEWS): what the team logged and wrote, what the city reported back,
 * the programme, the audit trail's snapshots and the stored emails.
 */
const NAME_BEARING_COLUMNS: { table: string; columns: string[]; scope: string }[] = [
  { table: 'evidence', columns: ['statement', 'quote'], scope: 'review_id IN ($REVIEWS)' },
  {
    table: 'evidence_revision',
    columns: ['changes'],
    scope: 'evidence_id IN (SELECT id FROM evidence WHERE review_id IN ($REVIEWS))',
  },
  { table: 'conclusion', columns: ['summary', 'strengths', 'areas_to_develop'], scope: 'review_id IN ($REVIEWS)' },
  {
    table: 'conclusion_revision',
    columns: ['summary', 'strengths', 'areas_to_develop'],
    scope: 'conclusion_id IN (SELECT id FROM conclusion WHERE review_id IN ($REVIEWS))',
  },
  { table: 'recommendation', columns: ['text', 'suggested_owner', 'withdrawal_reason'], scope: 'review_id IN ($REVIEWS)' },
  {
    table: 'follow_up_update',
    columns: ['note'],
    scope: 'recommendation_id IN (SELECT id FROM recommendation WHERE review_id IN ($REVIEWS))',
  },
  { table: 'plan_action', columns: ['description', 'owner', 'drop_reason'], scope: 'review_id IN ($REVIEWS)' },
  { table: 'plan_action_change', columns: ['note', 'changes'], scope: 'review_id IN ($REVIEWS)' },
  { table: 'visit_session', columns: ['title'], scope: 'review_id IN ($REVIEWS)' },
  { table: 'audit_entry', columns: ['before', 'after'], scope: 'review_id IN ($REVIEWS)' },
  { table: 'outbox_message', columns: ['data'], scope: 'review_id IN ($REVIEWS)' },
];
