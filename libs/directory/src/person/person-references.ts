/**
 * Every place the database holds a person's id, for merging duplicate people (PersonMergeService).
 *
 * The one place where the directory reads and writes other capabilities' tables (the review's, the
 * catalogue's, the outbox): by SQL on their table and column names, because the directory may not
 * import the libs above it, and a merge has to reach every row that names the merged person. Few of
 * these columns are declared foreign keys (team_member.person_id is); the others are plain uuid
 * columns named after what the person did: `person_id`, `*_by_id`, `actor_id`, `assignee_id`,
 * `recipient_id`, `notified_ids`. test/e2e/person-merge.e2e.spec.ts finds them all in
 * information_schema (every foreign key to person, and every uuid column named like that) and fails
 * when one is missing here, so a new table that names people cannot be forgotten by the merge.
 */
export interface PersonReference {
  table: string;
  column: string;
  /**
   * move: the merged person's id becomes the kept one's. array: the same inside a uuid[] column.
   * history: left as it is (it records the id that was merged).
   */
  how: 'move' | 'array' | 'history';
  /** What the rows are, for the secretariat ("team memberships"); rows moved are counted under it. */
  what: string;
  /**
   * Columns that, with this one, may hold a person once only (a unique index, `where` its condition):
   * the merged person's row is dropped when the kept person already has one (the same visit session twice).
   */
  uniqueWith?: string[];
}

export const PERSON_REFERENCES: readonly PersonReference[] = [
  // The review team. Before the move, PersonMergeService refuses two current memberships of one
  // review in different roles and ends the merged person's one where both have the same role.
  { table: 'team_member', column: 'person_id', how: 'move', what: 'team memberships' },
  { table: 'team_member', column: 'added_by_id', how: 'move', what: 'team members added' },
  { table: 'team_member', column: 'removed_by_id', how: 'move', what: 'team members removed' },
  { table: 'session_assignment', column: 'person_id', how: 'move', what: 'visit sessions assigned', uniqueWith: ['session_id'] },
  { table: 'visit_session', column: 'created_by_id', how: 'move', what: 'visit sessions planned' },
  { table: 'session_stakeholder', column: 'confirmed_by_id', how: 'move', what: 'stakeholders confirmed for sessions' },
  { table: 'stakeholder_consent', column: 'recorded_by_id', how: 'move', what: 'stakeholder consents recorded' },
  { table: 'review', column: 'created_by_id', how: 'move', what: 'reviews created' },
  { table: 'reminder_rule', column: 'updated_by_id', how: 'move', what: 'reminder rules changed' },
  { table: 'audit_entry', column: 'actor_id', how: 'move', what: 'changes in review audit trails' },
  // The self-assessment and its documents.
  { table: 'self_assessment_entry', column: 'assignee_id', how: 'move', what: 'self-assessment entries assigned' },
  { table: 'self_assessment_entry', column: 'updated_by_id', how: 'move', what: 'self-assessment entries edited' },
  { table: 'self_assessment_return', column: 'sent_by_id', how: 'move', what: 'entries sent back' },
  { table: 'self_assessment_return', column: 'notified_ids', how: 'array', what: 'entries sent back (told)' },
  { table: 'context_note', column: 'updated_by_id', how: 'move', what: 'context notes edited' },
  { table: 'document', column: 'added_by_id', how: 'move', what: 'documents uploaded' },
  // Evidence and findings.
  { table: 'evidence', column: 'logged_by_id', how: 'move', what: 'evidence logged' },
  { table: 'evidence', column: 'retracted_by_id', how: 'move', what: 'evidence retracted' },
  { table: 'evidence_revision', column: 'edited_by_id', how: 'move', what: 'evidence edits' },
  { table: 'conclusion', column: 'updated_by_id', how: 'move', what: 'conclusions edited' },
  { table: 'conclusion', column: 'agreed_by_id', how: 'move', what: 'conclusions agreed' },
  { table: 'conclusion_revision', column: 'saved_by_id', how: 'move', what: 'conclusion drafts' },
  { table: 'recommendation', column: 'created_by_id', how: 'move', what: 'recommendations written' },
  { table: 'recommendation', column: 'responded_by_id', how: 'move', what: 'recommendations answered' },
  { table: 'recommendation_good_practice', column: 'linked_by_id', how: 'move', what: 'good practices linked' },
  { table: 'follow_up_update', column: 'reported_by_id', how: 'move', what: 'follow-up reports' },
  { table: 'plan_action', column: 'responsible_id', how: 'move', what: 'plan actions they are responsible for' },
  { table: 'plan_action', column: 'created_by_id', how: 'move', what: 'plan actions added' },
  { table: 'plan_action_change', column: 'changed_by_id', how: 'move', what: 'plan actions changed' },
  { table: 'report', column: 'requested_by_id', how: 'move', what: 'reports requested' },
  // The Intercultural Cities Index (libs/icc-index).
  { table: 'icc_index_assessment', column: 'coordinator_person_id', how: 'move', what: 'Index assessments coordinated' },
  { table: 'icc_index_assessment', column: 'expert_person_ids', how: 'array', what: 'Index assessments analysed' },
  { table: 'icc_index_assessment', column: 'started_by_id', how: 'move', what: 'Index assessments started' },
  { table: 'icc_index_answer', column: 'assignee_id', how: 'move', what: 'Index questions assigned' },
  { table: 'icc_index_answer', column: 'updated_by_id', how: 'move', what: 'Index answers saved' },
  { table: 'icc_index_indicator_comment', column: 'updated_by_id', how: 'move', what: 'Index indicator comments' },
  { table: 'icc_index_score_correction', column: 'corrected_by_id', how: 'move', what: 'Index scores corrected' },
  { table: 'icc_index_recommendation', column: 'created_by_id', how: 'move', what: 'Index recommendations written' },
  { table: 'icc_index_visit_confirmation', column: 'recorded_by_id', how: 'move', what: 'Index results confirmed by visits' },
  { table: 'icc_index_report', column: 'requested_by_id', how: 'move', what: 'Index reports requested' },
  { table: 'report', column: 'published_by_id', how: 'move', what: 'reports published' },
  // The good-practice catalogue.
  { table: 'good_practice', column: 'created_by_id', how: 'move', what: 'good practices written' },
  { table: 'good_practice', column: 'updated_by_id', how: 'move', what: 'good practices edited' },
  { table: 'good_practice', column: 'published_by_id', how: 'move', what: 'good practices published' },
  { table: 'good_practice_revision', column: 'saved_by_id', how: 'move', what: 'good-practice drafts' },
  // Sign-in and mail. The merged person's sessions are ended and their reset links revoked first.
  { table: 'auth_session', column: 'person_id', how: 'move', what: 'sessions (ended)' },
  { table: 'auth_token', column: 'person_id', how: 'move', what: 'sign-in links' },
  { table: 'auth_token', column: 'created_by_id', how: 'move', what: 'invitations sent' },
  { table: 'outbox_message', column: 'recipient_id', how: 'move', what: 'emails received' },
  // The secretariat's own records.
  { table: 'admin_rights_change', column: 'person_id', how: 'move', what: 'administrator rights changes' },
  { table: 'admin_rights_change', column: 'changed_by_id', how: 'move', what: 'administrator rights changed' },
  { table: 'personal_data_erasure', column: 'erased_by_id', how: 'move', what: 'erasures made' },
  { table: 'person_merge', column: 'kept_person_id', how: 'move', what: 'earlier merges' },
  { table: 'person_merge', column: 'merged_by_id', how: 'move', what: 'merges made' },
  { table: 'person_merge', column: 'merged_person_id', how: 'history', what: 'merged ids' },
];

/**
 * Ids inside JSON that name a person; information_schema cannot see them, so they are listed by hand:
 * an invitation's payload names who sent it (`invitedById`, libs/review/src/team/team.service.ts).
 */
export const PERSON_JSON_REFERENCES: readonly { table: string; column: string; key: string; what: string }[] = [
  { table: 'auth_token', column: 'payload', key: 'invitedById', what: 'invitations sent' },
];

/** The name rule the spec applies to uuid columns that are not declared foreign keys (see the comment above). */
export const PERSON_COLUMN_NAME = /(^|_)(person|actor|assignee|recipient|notified)_ids?$|_by_ids?$/;
