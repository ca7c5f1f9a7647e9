import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_RULE_KINDS = ['PLAN_ACTION_DUE', 'PLAN_ACTION_ESCALATE_HOST', 'PLAN_ACTION_ESCALATE_SECRETARIAT', 'REPORT_DUE', 'REPORT_OVERDUE'];

/**
 * The development plan (issue 20): actions on accepted recommendations and their history
 * (libs/review/src/plan/plan-action.entity.ts), and the reminder rules for plan actions and the
 * report's due date (libs/notifications/src/reminders/reminder-rules.ts).
 */
export class DevelopmentPlan1795939887801 implements MigrationInterface {
  name = 'DevelopmentPlan1795939887801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // New values in place: no rewrite of reminder_rule (PostgreSQL 12+ allows it in a transaction).
    for (const kind of NEW_RULE_KINDS) await queryRunner.query(`ALTER TYPE "public"."reminder_rule_kind" ADD VALUE IF NOT EXISTS '${kind}'`);
    await queryRunner.query("CREATE TYPE \"public\".\"plan_action_term\" AS ENUM('QUICK_WIN', 'LONGER_TERM')");
    await queryRunner.query("CREATE TYPE \"public\".\"plan_action_status\" AS ENUM('PLANNED', 'UNDER_WAY', 'DONE', 'DROPPED')");
    await queryRunner.query("CREATE TABLE \"plan_action\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"review_id\" uuid NOT NULL, \"recommendation_id\" uuid NOT NULL, \"description\" text NOT NULL, \"owner\" text NOT NULL, \"responsible_id\" uuid NOT NULL, \"starts_on\" date NOT NULL, \"due_on\" date NOT NULL, \"term\" \"public\".\"plan_action_term\" NOT NULL, \"status\" \"public\".\"plan_action_status\" NOT NULL DEFAULT 'PLANNED', \"drop_reason\" text, \"progress\" smallint NOT NULL DEFAULT '0', \"weight\" smallint NOT NULL DEFAULT '1', \"version\" integer NOT NULL, \"created_by_id\" uuid NOT NULL, CONSTRAINT \"PK_7fe1efec53657bd0385369ad6e6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c86eba57167d686865bec3f90f\" ON \"plan_action\" (\"recommendation_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a3689c6b25742024c1cdccc335\" ON \"plan_action\" (\"review_id\", \"due_on\") ");
    await queryRunner.query("CREATE TABLE \"plan_action_change\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"action_id\" uuid NOT NULL, \"review_id\" uuid NOT NULL, \"changes\" jsonb NOT NULL, \"status\" \"public\".\"plan_action_status\" NOT NULL, \"progress\" smallint NOT NULL, \"weight\" smallint NOT NULL, \"note\" text NOT NULL DEFAULT '', \"document_id\" uuid, \"changed_by_id\" uuid NOT NULL, \"changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b3e76937c9a3cb6915bc7bc2424\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_469fb4f7345ea0e48cc051be9b\" ON \"plan_action_change\" (\"action_id\", \"changed_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f9ade379b86766f692ce6eb90f\" ON \"plan_action_change\" (\"review_id\", \"changed_at\") ");
    await queryRunner.query("ALTER TABLE \"plan_action\" ADD CONSTRAINT \"FK_861136918ff5ad06bb6dd65253f\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_action\" ADD CONSTRAINT \"FK_f2165877414deb6495c7a406c68\" FOREIGN KEY (\"recommendation_id\") REFERENCES \"recommendation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_action_change\" ADD CONSTRAINT \"FK_ac3f093c1d0c708c12189a3df03\" FOREIGN KEY (\"action_id\") REFERENCES \"plan_action\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_action_change\" DROP CONSTRAINT \"FK_ac3f093c1d0c708c12189a3df03\"");
    await queryRunner.query("ALTER TABLE \"plan_action\" DROP CONSTRAINT \"FK_f2165877414deb6495c7a406c68\"");
    await queryRunner.query("ALTER TABLE \"plan_action\" DROP CONSTRAINT \"FK_861136918ff5ad06bb6dd65253f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f9ade379b86766f692ce6eb90f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_469fb4f7345ea0e48cc051be9b\"");
    await queryRunner.query("DROP TABLE \"plan_action_change\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a3689c6b25742024c1cdccc335\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c86eba57167d686865bec3f90f\"");
    await queryRunner.query("DROP TABLE \"plan_action\"");
    await queryRunner.query("DROP TYPE \"public\".\"plan_action_status\"");
    await queryRunner.query("DROP TYPE \"public\".\"plan_action_term\"");
    // A value cannot be dropped from an enum: the type is made again without them, and the rules of those kinds go.
    await queryRunner.query(`DELETE FROM "reminder_rule" WHERE "kind"::text IN (${NEW_RULE_KINDS.map((k) => `'${k}'`).join(', ')})`);
    await queryRunner.query('ALTER TYPE "public"."reminder_rule_kind" RENAME TO "reminder_rule_kind_old"');
    await queryRunner.query(
      `CREATE TYPE "public"."reminder_rule_kind" AS ENUM('SELF_ASSESSMENT_DUE', 'VISIT_SESSION', 'EVIDENCE_NUDGE', 'CONCLUSIONS_DUE', 'FOLLOW_UP_CHECKPOINT', 'NEXT_ASSESSMENT')`,
    );
    await queryRunner.query(
      'ALTER TABLE "reminder_rule" ALTER COLUMN "kind" TYPE "public"."reminder_rule_kind" USING "kind"::text::"public"."reminder_rule_kind"',
    );
    await queryRunner.query('DROP TYPE "public"."reminder_rule_kind_old"');
  }
}
