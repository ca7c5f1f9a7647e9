import { Injectable } from '@nestjs/common';
import { badInput, conflict, CurrentUser, notFound } from '@peervisit/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthTokenService } from '../auth/auth-token.service';
import { SessionService } from '../auth/session.service';
import { PersonMerge, PersonMergeCount } from './person-merge.entity';
import { PERSON_JSON_REFERENCES, PERSON_REFERENCES } from './person-references';
import { Person } from './person.entity';

/** A current membership of a person in a review team, as the directory shows it. */
export interface PersonTeamRoleRow {
  personId: string;
  reviewId: string;
  reviewTitle: string;
  reviewStatus: string;
  role: string;
}

/** Rows an UPDATE or DELETE through EntityManager.query touched (PostgreSQL answers [rows, count]). */
const affected = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);

/**
 * Merging two accounts of one person (the secretariat's directory): everything that names the merged
 * person is moved to the person kept, in one transaction, and the merged account is deleted. Which
 * columns name a person is person-references.ts's list.
 */
@Injectable()
export class PersonMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AuthTokenService,
    private readonly sessions: SessionService,
  ) {}

  async merge(actor: CurrentUser, keepId: string, mergeId: string): Promise<PersonMerge> {
    if (keepId === mergeId) {
      throw badInput('A person cannot be merged into themselves: choose two different people.', [
        { path: 'mergeId', message: 'is the person kept; choose the duplicate to merge into them' },
      ]);
    }
    if (mergeId === actor.personId) {
      throw badInput(
        'You cannot merge away the account you are signed in with: sign in with the other one to merge this one into it, or keep this one.',
        [{ path: 'mergeId', message: 'is your own account' }],
      );
    }
    const { record, ended } = await this.dataSource.transaction(async (manager) => {
      // Both rows locked (in id order, so two merges of the same pair cannot deadlock): nobody
      // changes or merges either while this one runs.
      const people = await manager.find(Person, {
        where: { id: In([keepId, mergeId]) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const keep = people.find((p) => p.id === keepId);
      const merged = people.find((p) => p.id === mergeId);
      if (!keep) throw notFound(`Person ${keepId}`);
      if (!merged) throw notFound(`Person ${mergeId}`);
      // Administrator rights change only through AdministratorsService (recorded, never the last one).
      if (merged.isAdmin) {
        throw conflict(
          `${merged.fullName} is an administrator: remove their administrator rights first (Administrators), then merge them.`,
        );
      }
      // Members are locked too: a team change of either waits for the merge, and the check below holds.
      await manager.query('SELECT id FROM team_member WHERE person_id = ANY($1) AND removed_at IS NULL FOR UPDATE', [[keepId, mergeId]]);

      await this.refuseConflictingRoles(manager, keep, merged);
      const reviewIds = (
        (await manager.query('SELECT DISTINCT review_id FROM team_member WHERE person_id = $1', [mergeId])) as { review_id: string }[]
      ).map((r) => r.review_id);

      // On a review in the same role: one membership stays, the kept person's; the merged one's ends.
      const doubled = affected(
        await manager.query(
          `UPDATE team_member m SET removed_at = now(), removed_by_id = $3
             FROM team_member k
            WHERE m.person_id = $2 AND m.removed_at IS NULL AND k.person_id = $1 AND k.removed_at IS NULL AND k.review_id = m.review_id`,
          [keepId, mergeId, actor.personId],
        ),
      );

      // The merged account cannot be used any more: its sessions end (after commit, every process
      // forgets them) and its password reset links stop working.
      const ended = await this.sessions.endAll(manager, mergeId, 'merged into another account');
      await this.tokens.revokeResetLinks(manager, mergeId);

      const counts = new Map<string, number>();
      const add = (what: string, n: number) => n && counts.set(what, (counts.get(what) ?? 0) + n);
      // Invitations still waiting at the duplicate's address lead to the kept account from now on:
      // accepting one asks for that account's password instead of making a new account.
      add(
        'pending invitations re-addressed',
        affected(
          await manager.query(
            `UPDATE auth_token SET email = $1 WHERE lower(email) = lower($2) AND purpose = 'INVITATION' AND used_at IS NULL AND revoked_at IS NULL`,
            [keep.email, merged.email],
          ),
        ),
      );
      for (const ref of PERSON_REFERENCES) {
        const table = `"${ref.table}"`;
        const column = `"${ref.column}"`;
        if (ref.how === 'history') continue;
        if (ref.uniqueWith) {
          // The kept person already has this one (the same session): the merged person's row goes.
          const same = ref.uniqueWith.map((c) => `k."${c}" = m."${c}"`).join(' AND ');
          await manager.query(
            `DELETE FROM ${table} m WHERE m.${column} = $2 AND EXISTS (SELECT 1 FROM ${table} k WHERE k.${column} = $1 AND ${same})`,
            [keepId, mergeId],
          );
        }
        if (ref.how === 'move') {
          add(ref.what, affected(await manager.query(`UPDATE ${table} SET ${column} = $1 WHERE ${column} = $2`, [keepId, mergeId])));
        } else {
          // In a list of people: replaced, and not listed twice when the kept person was there already.
          const moved = await manager.query(
            `UPDATE ${table} SET ${column} = CASE WHEN $1 = ANY(${column}) THEN array_remove(${column}, $2) ELSE array_replace(${column}, $2, $1) END
              WHERE $2 = ANY(${column})`,
            [keepId, mergeId],
          );
          add(ref.what, affected(moved));
        }
      }
      for (const ref of PERSON_JSON_REFERENCES) {
        const moved = await manager.query(
          `UPDATE "${ref.table}" SET "${ref.column}" = jsonb_set("${ref.column}", $3, to_jsonb($1::text)) WHERE "${ref.column}" ->> $4 = $2::text`,
          [keepId, mergeId, `{${ref.key}}`, ref.key],
        );
        add(ref.what, affected(moved));
      }
      if (doubled) add('team memberships ended (already on the team in that role)', doubled);

      if (!keep.organisationId && merged.organisationId) {
        keep.organisationId = merged.organisationId;
        await manager.save(keep);
      }
      await manager.delete(Person, { id: mergeId });

      const moved: PersonMergeCount[] = [...counts].map(([what, count]) => ({ what, count }));
      const record = await manager.save(
        manager.create(PersonMerge, {
          keptPersonId: keepId,
          mergedPersonId: mergeId,
          mergedEmail: merged.email,
          mergedFullName: merged.fullName,
          mergedById: actor.personId,
          moved,
        }),
      );
      // Each review the merged person was on says so in its own audit trail.
      const before = { personId: mergeId, fullName: merged.fullName, email: merged.email };
      const after = { personId: keepId, fullName: keep.fullName, email: keep.email, mergeId: record.id };
      for (const reviewId of reviewIds) {
        await manager.query(
          `INSERT INTO audit_entry (review_id, actor_id, action, entity_type, entity_id, before, after) VALUES ($1, $2, 'person.merge', 'Person', $3, $4, $5)`,
          [reviewId, actor.personId, keepId, JSON.stringify(before), JSON.stringify(after)],
        );
      }
      return { record, ended };
    });
    await this.sessions.forget(ended);
    return record;
  }

  /** Both on a review's team at once, in different roles: which one the person really has is for the secretariat to settle first. */
  private async refuseConflictingRoles(manager: EntityManager, keep: Person, merged: Person): Promise<void> {
    const clashes = (await manager.query(
      `SELECT r.title, k.role AS kept, m.role AS merged
         FROM team_member k
         JOIN team_member m ON m.review_id = k.review_id AND m.person_id = $2 AND m.removed_at IS NULL
         JOIN review r ON r.id = k.review_id
        WHERE k.person_id = $1 AND k.removed_at IS NULL AND k.role <> m.role
        ORDER BY r.title`,
      [keep.id, merged.id],
    )) as { title: string; kept: string; merged: string }[];
    if (!clashes.length) return;
    const where = clashes.map((c) => `"${c.title}" (${keep.fullName} as ${c.kept}, ${merged.fullName} as ${c.merged})`).join('; ');
    throw conflict(
      `${keep.fullName} and ${merged.fullName} are both on the team of ${where}. One person has one role in a review: remove one of them from that team, or give both the same role, then merge.`,
    );
  }

  /** Current team memberships of these people, newest review first (for the directory's list). */
  async teamRoles(personIds: readonly string[]): Promise<PersonTeamRoleRow[]> {
    return this.dataSource.query(
      `SELECT m.person_id AS "personId", r.id AS "reviewId", r.title AS "reviewTitle", r.status AS "reviewStatus", m.role
         FROM team_member m JOIN review r ON r.id = m.review_id
        WHERE m.person_id = ANY($1) AND m.removed_at IS NULL
        ORDER BY r.created_at DESC, r.id`,
      [[...personIds]],
    );
  }
}
