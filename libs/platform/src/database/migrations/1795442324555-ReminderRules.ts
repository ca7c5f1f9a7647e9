import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderRules1795442324555 implements MigrationInterface {
  name = 'ReminderRules1795442324555';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"reminder_rule_kind\" AS ENUM('SELF_ASSESSMENT_DUE', 'VISIT_SESSION', 'EVIDENCE_NUDGE', 'CONCLUSIONS_DUE', 'FOLLOW_UP_CHECKPOINT', 'NEXT_ASSESSMENT')");
    await queryRunner.query("CREATE TABLE \"reminder_rule\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"kind\" \"public\".\"reminder_rule_kind\" NOT NULL, \"enabled\" boolean NOT NULL, \"offsets\" double precision array NOT NULL, \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_1516615f8a6ae9b90a58398dfbe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_20567e1e4d1b32e5ec815874ae\" ON \"reminder_rule\" (\"review_id\", \"kind\") ");
    await queryRunner.query("ALTER TABLE \"reminder_rule\" ADD CONSTRAINT \"FK_795559d9208f454b01fedd1ca74\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"reminder_rule\" DROP CONSTRAINT \"FK_795559d9208f454b01fedd1ca74\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_20567e1e4d1b32e5ec815874ae\"");
    await queryRunner.query("DROP TABLE \"reminder_rule\"");
    await queryRunner.query("DROP TYPE \"public\".\"reminder_rule_kind\"");
  }
}
