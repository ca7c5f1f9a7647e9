import { badInput, Problem } from '@peervisit/platform';
import { EntityManager } from 'typeorm';
import { ConsentKind, ConsentMethod, StakeholderConsent } from './stakeholder-consent.entity';

/**
 * The one rule for a stakeholder's current consent: for each kind, the latest record decides; no
 * record means no consent. The stakeholder's columns (consent_to_be_named, _quoted, _contacted) are
 * this rule's result, kept by recordConsent in the transaction that adds the record, so every reader
 * (the anonymiser, the quote rule, the report, the programme export) reads the current state.
 */
export const CONSENT_COLUMNS: Record<ConsentKind, string> = {
  NAMED: 'consent_to_be_named',
  QUOTED: 'consent_to_be_quoted',
  CONTACTED: 'consent_to_be_contacted',
};

const latest = (kind: ConsentKind) =>
  `coalesce((SELECT c.given FROM stakeholder_consent c WHERE c.stakeholder_id = s.id AND c.kind = '${kind}'
              ORDER BY c.recorded_at DESC, c.sequence DESC LIMIT 1), false)`;

/** Sets the stakeholders' consent columns of these kinds from their records (the rule above). */
export async function applyConsent(
  manager: EntityManager,
  stakeholderIds: string[],
  kinds: ConsentKind[] = Object.values(ConsentKind),
): Promise<void> {
  const sets = kinds.map((kind) => `${CONSENT_COLUMNS[kind]} = ${latest(kind)}`);
  await manager.query(`UPDATE stakeholder s SET ${sets.join(', ')} WHERE s.id = ANY($1::uuid[])`, [stakeholderIds]);
}

export interface ConsentStatement {
  kind: ConsentKind;
  given: boolean;
  method: ConsentMethod;
  note?: string | null;
}

/** Checks a statement of consent: a clear error for each problem, nothing written. */
export function checkConsent(statement: ConsentStatement): void {
  const problems: Problem[] = [];
  if (!Object.values(ConsentKind).includes(statement.kind)) problems.push({ path: 'kind', message: 'one of NAMED, QUOTED, CONTACTED' });
  if (!Object.values(ConsentMethod).includes(statement.method)) problems.push({ path: 'method', message: 'say how it was obtained' });
  if (statement.note && statement.note.length > 2000) problems.push({ path: 'note', message: 'must be at most 2000 characters' });
  if (problems.length) throw badInput('The consent was not recorded', problems);
}

/** Adds one record and brings the stakeholder's current state up to date, in the caller's transaction. */
export async function recordConsent(
  manager: EntityManager,
  stakeholderId: string,
  recordedById: string | null,
  statement: ConsentStatement,
): Promise<StakeholderConsent> {
  checkConsent(statement);
  const record = await manager.save(
    manager.create(StakeholderConsent, {
      stakeholderId,
      recordedById,
      kind: statement.kind,
      given: statement.given,
      method: statement.method,
      note: statement.note?.trim() || null,
    }),
  );
  await applyConsent(manager, [stakeholderId], [statement.kind]);
  return record;
}
