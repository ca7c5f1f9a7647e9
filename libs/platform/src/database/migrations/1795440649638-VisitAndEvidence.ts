import { MigrationInterface, QueryRunner } from 'typeorm';

export class VisitAndEvidence1795440649638 implements MigrationInterface {
  name = 'VisitAndEvidence1795440649638';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"visit_session_kind\" AS ENUM('INTERVIEW', 'FOCUS_GROUP', 'SITE_VISIT', 'TEAM_MEETING', 'BRIEFING', 'FEEDBACK_SESSION')");
    await queryRunner.query("CREATE TABLE \"visit_session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"kind\" \"public\".\"visit_session_kind\" NOT NULL, \"title\" character varying NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"location\" text, \"key_factor_ids\" uuid array NOT NULL DEFAULT '{}', \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"cancellation_reason\" text, \"version\" integer NOT NULL DEFAULT '1', \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d7ff25a220e3a73e699e7fb8ab0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_5d18367e23dd155a57f72ee308\" ON \"visit_session\" (\"review_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"session_part\" AS ENUM('INTERVIEWER', 'NOTE_TAKER', 'PARTICIPANT')");
    await queryRunner.query("CREATE TABLE \"session_assignment\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"session_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"part\" \"public\".\"session_part\" NOT NULL, CONSTRAINT \"PK_51f577cec50bccb7daf9b80836f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_253fcf7c10a41d13ef38fdac99\" ON \"session_assignment\" (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_004bd31f8ea67503a39058b333\" ON \"session_assignment\" (\"session_id\", \"person_id\") ");
    await queryRunner.query("CREATE TABLE \"session_stakeholder\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"session_id\" uuid NOT NULL, \"stakeholder_id\" uuid NOT NULL, CONSTRAINT \"PK_fc6641250a01c5bb99ae124396b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_31cec02730f00cb290d10b6da6\" ON \"session_stakeholder\" (\"stakeholder_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_392dba233e95cdd42506e40838\" ON \"session_stakeholder\" (\"session_id\", \"stakeholder_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"evidence_source\" AS ENUM('DOCUMENT', 'INTERVIEW', 'FOCUS_GROUP', 'OBSERVATION', 'SELF_ASSESSMENT')");
    await queryRunner.query("CREATE TYPE \"public\".\"evidence_stance\" AS ENUM('SUPPORTS', 'CONTRADICTS', 'NEUTRAL')");
    await queryRunner.query("CREATE TABLE \"evidence\" (\"id\" uuid NOT NULL, \"review_id\" uuid NOT NULL, \"source\" \"public\".\"evidence_source\" NOT NULL, \"session_id\" uuid, \"document_id\" uuid, \"stakeholder_category\" \"public\".\"stakeholder_category\", \"key_factor_ids\" uuid array NOT NULL, \"statement\" text NOT NULL, \"quote\" text, \"stance\" \"public\".\"evidence_stance\" NOT NULL, \"logged_by_id\" uuid NOT NULL, \"observed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revision\" integer NOT NULL DEFAULT '1', \"retracted_at\" TIMESTAMP WITH TIME ZONE, \"retracted_by_id\" uuid, \"retraction_reason\" text, CONSTRAINT \"PK_b864cb5d49854f89917fc0b44b9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_0bcef881db10ab999b95e747a7\" ON \"evidence\" (\"session_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_fbffbc707131d6c6851b4c6844\" ON \"evidence\" (\"review_id\", \"recorded_at\") ");
    await queryRunner.query("CREATE TABLE \"evidence_revision\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"evidence_id\" uuid NOT NULL, \"revision\" integer NOT NULL, \"edited_by_id\" uuid NOT NULL, \"edited_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"changes\" jsonb NOT NULL, CONSTRAINT \"PK_9d2832e508430ee40b41104465e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4b2ca50722d4cfddba40b21b67\" ON \"evidence_revision\" (\"evidence_id\", \"revision\") ");
    await queryRunner.query("ALTER TABLE \"visit_session\" ADD CONSTRAINT \"FK_fc3a0919aa15e06d4577f993e77\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"session_assignment\" ADD CONSTRAINT \"FK_00b165313e577a554b43746ee8c\" FOREIGN KEY (\"session_id\") REFERENCES \"visit_session\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"session_stakeholder\" ADD CONSTRAINT \"FK_cce36d5814e19321124f21b308f\" FOREIGN KEY (\"session_id\") REFERENCES \"visit_session\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"session_stakeholder\" ADD CONSTRAINT \"FK_31cec02730f00cb290d10b6da6c\" FOREIGN KEY (\"stakeholder_id\") REFERENCES \"stakeholder\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"FK_8d9bf85d7456cc74eefd0a7d765\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"FK_0bcef881db10ab999b95e747a73\" FOREIGN KEY (\"session_id\") REFERENCES \"visit_session\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"FK_1236a1cb527e7f4d234145bfe33\" FOREIGN KEY (\"document_id\") REFERENCES \"document\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_revision\" ADD CONSTRAINT \"FK_71bd4b91d6b638c5f1002d2848d\" FOREIGN KEY (\"evidence_id\") REFERENCES \"evidence\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // By hand (entities declare them with synchronize: false): GIN indexes for the key-factor filter
    // and coverage, and for full-text search over statement and quote (EVIDENCE_SEARCH_VECTOR).
    await queryRunner.query(`CREATE INDEX "evidence_key_factor_ids_gin" ON "evidence" USING gin ("key_factor_ids")`);
    await queryRunner.query(`CREATE INDEX "evidence_search_gin" ON "evidence" USING gin (to_tsvector('english', statement || ' ' || coalesce(quote, '')))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "evidence_search_gin"`);
    await queryRunner.query(`DROP INDEX "evidence_key_factor_ids_gin"`);
    await queryRunner.query("ALTER TABLE \"evidence_revision\" DROP CONSTRAINT \"FK_71bd4b91d6b638c5f1002d2848d\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"FK_1236a1cb527e7f4d234145bfe33\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"FK_0bcef881db10ab999b95e747a73\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"FK_8d9bf85d7456cc74eefd0a7d765\"");
    await queryRunner.query("ALTER TABLE \"session_stakeholder\" DROP CONSTRAINT \"FK_31cec02730f00cb290d10b6da6c\"");
    await queryRunner.query("ALTER TABLE \"session_stakeholder\" DROP CONSTRAINT \"FK_cce36d5814e19321124f21b308f\"");
    await queryRunner.query("ALTER TABLE \"session_assignment\" DROP CONSTRAINT \"FK_00b165313e577a554b43746ee8c\"");
    await queryRunner.query("ALTER TABLE \"visit_session\" DROP CONSTRAINT \"FK_fc3a0919aa15e06d4577f993e77\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_4b2ca50722d4cfddba40b21b67\"");
    await queryRunner.query("DROP TABLE \"evidence_revision\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_fbffbc707131d6c6851b4c6844\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0bcef881db10ab999b95e747a7\"");
    await queryRunner.query("DROP TABLE \"evidence\"");
    await queryRunner.query("DROP TYPE \"public\".\"evidence_stance\"");
    await queryRunner.query("DROP TYPE \"public\".\"evidence_source\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_392dba233e95cdd42506e40838\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_31cec02730f00cb290d10b6da6\"");
    await queryRunner.query("DROP TABLE \"session_stakeholder\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_004bd31f8ea67503a39058b333\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_253fcf7c10a41d13ef38fdac99\"");
    await queryRunner.query("DROP TABLE \"session_assignment\"");
    await queryRunner.query("DROP TYPE \"public\".\"session_part\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5d18367e23dd155a57f72ee308\"");
    await queryRunner.query("DROP TABLE \"visit_session\"");
    await queryRunner.query("DROP TYPE \"public\".\"visit_session_kind\"");
  }
}
