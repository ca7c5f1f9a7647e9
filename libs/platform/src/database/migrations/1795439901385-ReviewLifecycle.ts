import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewLifecycle1795439901385 implements MigrationInterface {
  name = 'ReviewLifecycle1795439901385';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"review_kind\" AS ENUM('PEER_REVIEW', 'EXPERT_VISIT', 'INTERNAL_ASSESSMENT')");
    await queryRunner.query("CREATE TYPE \"public\".\"review_status\" AS ENUM('DRAFT', 'PREPARATION', 'SELF_ASSESSMENT', 'VISIT', 'DELIBERATION', 'FEEDBACK', 'REPORTING', 'FOLLOW_UP', 'CLOSED', 'CANCELLED')");
    await queryRunner.query("CREATE TABLE \"review\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"title\" character varying NOT NULL, \"kind\" \"public\".\"review_kind\" NOT NULL, \"host_city_id\" uuid NOT NULL, \"benchmark_id\" uuid NOT NULL, \"scope_key_factor_ids\" uuid array, \"status\" \"public\".\"review_status\" NOT NULL DEFAULT 'DRAFT', \"self_assessment_due_at\" TIMESTAMP WITH TIME ZONE, \"visit_starts_at\" TIMESTAMP WITH TIME ZONE, \"visit_ends_at\" TIMESTAMP WITH TIME ZONE, \"conclusions_due_at\" TIMESTAMP WITH TIME ZONE, \"report_due_at\" TIMESTAMP WITH TIME ZONE, \"follow_up_checkpoints\" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}', \"self_assessment_submitted_at\" TIMESTAMP WITH TIME ZONE, \"cancellation_reason\" text, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2e4299a343a81574217255c00ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_eaba1fd1dbce615a9dc6ae92f9\" ON \"review\" (\"host_city_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e80a3c25bff4061821bada5ea3\" ON \"review\" (\"status\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"review_role\" AS ENUM('EXPERT_LEADER', 'PEER', 'HOST_COORDINATOR', 'HOST_CONTRIBUTOR', 'OBSERVER')");
    await queryRunner.query("CREATE TABLE \"team_member\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"role\" \"public\".\"review_role\" NOT NULL, \"added_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"added_by_id\" uuid, \"removed_at\" TIMESTAMP WITH TIME ZONE, \"removed_by_id\" uuid, CONSTRAINT \"PK_649680684d72a20d279641469c5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_5bdc7916ff97b2d9ff60c2a275\" ON \"team_member\" (\"review_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9281d7315475282bd402f63b9f\" ON \"team_member\" (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2503d83af76d53f5f3540144c1\" ON \"team_member\" (\"review_id\", \"person_id\") WHERE removed_at IS NULL");
    await queryRunner.query("CREATE TABLE \"audit_entry\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"actor_id\" uuid, \"action\" character varying NOT NULL, \"entity_type\" character varying NOT NULL, \"entity_id\" uuid NOT NULL, \"before\" jsonb, \"after\" jsonb, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_58a130a4b9da189f46ba2a01801\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e3b17a0dec07968a336f5f2db4\" ON \"audit_entry\" (\"review_id\", \"at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"document_type\" AS ENUM('MINUTES', 'BRIEFING', 'ANNUAL_REPORT', 'MONITORING_DATA', 'PRESS_RELEASE', 'STRATEGY', 'OTHER')");
    await queryRunner.query("CREATE TABLE \"document\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"title\" character varying NOT NULL, \"type\" \"public\".\"document_type\" NOT NULL, \"key_factor_ids\" uuid array NOT NULL DEFAULT '{}', \"url\" text, \"storage_key\" text, \"file_name\" text, \"media_type\" text, \"size_bytes\" bigint, \"sha256\" text, \"added_by_id\" uuid NOT NULL, \"added_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"retracted_at\" TIMESTAMP WITH TIME ZONE, \"retraction_reason\" text, CONSTRAINT \"PK_e57d3357f83f3cdc0acffc3d777\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ef6f4a72770b0a59b231be327b\" ON \"document\" (\"review_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"self_assessment_entry_status\" AS ENUM('DRAFT', 'SUBMITTED')");
    await queryRunner.query("CREATE TABLE \"self_assessment_entry\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"key_factor_id\" uuid NOT NULL, \"answers\" jsonb NOT NULL DEFAULT '[]', \"rating\" integer, \"narrative\" text NOT NULL DEFAULT '', \"document_ids\" uuid array NOT NULL DEFAULT '{}', \"status\" \"public\".\"self_assessment_entry_status\" NOT NULL DEFAULT 'DRAFT', \"assignee_id\" uuid, \"version\" integer NOT NULL DEFAULT '1', \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_722875fdaa38fbe6be204849931\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0c611bf2bbd65c2247d34b889e\" ON \"self_assessment_entry\" (\"review_id\", \"key_factor_id\") ");
    await queryRunner.query("CREATE TABLE \"context_note\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"context_factor_id\" uuid NOT NULL, \"note\" text NOT NULL, \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_dd206bbbd6c81bd605fe2bf4774\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5c05890b64e6e18b4a4c6b71f1\" ON \"context_note\" (\"review_id\", \"context_factor_id\") ");
    await queryRunner.query("ALTER TABLE \"review\" ADD CONSTRAINT \"FK_eaba1fd1dbce615a9dc6ae92f93\" FOREIGN KEY (\"host_city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"review\" ADD CONSTRAINT \"FK_e82974022d7efacfa7f3e466dad\" FOREIGN KEY (\"benchmark_id\") REFERENCES \"benchmark\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"team_member\" ADD CONSTRAINT \"FK_5bdc7916ff97b2d9ff60c2a275d\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"team_member\" ADD CONSTRAINT \"FK_9281d7315475282bd402f63b9f0\" FOREIGN KEY (\"person_id\") REFERENCES \"person\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"audit_entry\" ADD CONSTRAINT \"FK_2f8b2fefcb74bf44633e3f034d0\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document\" ADD CONSTRAINT \"FK_ef6f4a72770b0a59b231be327b5\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"self_assessment_entry\" ADD CONSTRAINT \"FK_d7ccf5377e7b309103c045d130c\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"self_assessment_entry\" ADD CONSTRAINT \"FK_a095545ba1bde1ce460e49e3dc8\" FOREIGN KEY (\"key_factor_id\") REFERENCES \"key_factor\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"context_note\" ADD CONSTRAINT \"FK_86d26d3e76f58213a9ec35884d4\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"context_note\" ADD CONSTRAINT \"FK_f410244c318be1b23e9b6810194\" FOREIGN KEY (\"context_factor_id\") REFERENCES \"context_factor\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"context_note\" DROP CONSTRAINT \"FK_f410244c318be1b23e9b6810194\"");
    await queryRunner.query("ALTER TABLE \"context_note\" DROP CONSTRAINT \"FK_86d26d3e76f58213a9ec35884d4\"");
    await queryRunner.query("ALTER TABLE \"self_assessment_entry\" DROP CONSTRAINT \"FK_a095545ba1bde1ce460e49e3dc8\"");
    await queryRunner.query("ALTER TABLE \"self_assessment_entry\" DROP CONSTRAINT \"FK_d7ccf5377e7b309103c045d130c\"");
    await queryRunner.query("ALTER TABLE \"document\" DROP CONSTRAINT \"FK_ef6f4a72770b0a59b231be327b5\"");
    await queryRunner.query("ALTER TABLE \"audit_entry\" DROP CONSTRAINT \"FK_2f8b2fefcb74bf44633e3f034d0\"");
    await queryRunner.query("ALTER TABLE \"team_member\" DROP CONSTRAINT \"FK_9281d7315475282bd402f63b9f0\"");
    await queryRunner.query("ALTER TABLE \"team_member\" DROP CONSTRAINT \"FK_5bdc7916ff97b2d9ff60c2a275d\"");
    await queryRunner.query("ALTER TABLE \"review\" DROP CONSTRAINT \"FK_e82974022d7efacfa7f3e466dad\"");
    await queryRunner.query("ALTER TABLE \"review\" DROP CONSTRAINT \"FK_eaba1fd1dbce615a9dc6ae92f93\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5c05890b64e6e18b4a4c6b71f1\"");
    await queryRunner.query("DROP TABLE \"context_note\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0c611bf2bbd65c2247d34b889e\"");
    await queryRunner.query("DROP TABLE \"self_assessment_entry\"");
    await queryRunner.query("DROP TYPE \"public\".\"self_assessment_entry_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ef6f4a72770b0a59b231be327b\"");
    await queryRunner.query("DROP TABLE \"document\"");
    await queryRunner.query("DROP TYPE \"public\".\"document_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e3b17a0dec07968a336f5f2db4\"");
    await queryRunner.query("DROP TABLE \"audit_entry\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2503d83af76d53f5f3540144c1\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9281d7315475282bd402f63b9f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5bdc7916ff97b2d9ff60c2a275\"");
    await queryRunner.query("DROP TABLE \"team_member\"");
    await queryRunner.query("DROP TYPE \"public\".\"review_role\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e80a3c25bff4061821bada5ea3\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_eaba1fd1dbce615a9dc6ae92f9\"");
    await queryRunner.query("DROP TABLE \"review\"");
    await queryRunner.query("DROP TYPE \"public\".\"review_status\"");
    await queryRunner.query("DROP TYPE \"public\".\"review_kind\"");
  }
}
