import { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfAssessmentReturn1795919625617 implements MigrationInterface {
  name = 'SelfAssessmentReturn1795919625617';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"self_assessment_return\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"entry_id\" uuid NOT NULL, \"review_id\" uuid NOT NULL, \"reason\" text NOT NULL, \"sent_by_id\" uuid NOT NULL, \"sent_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"entry_version\" integer NOT NULL, \"notified_ids\" uuid array NOT NULL DEFAULT '{}', CONSTRAINT \"PK_3146d7d24f316f10bd2aed2afff\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c9202e2a45835c7857cf924347\" ON \"self_assessment_return\" (\"entry_id\") ");
    await queryRunner.query("ALTER TABLE \"self_assessment_return\" ADD CONSTRAINT \"FK_c9202e2a45835c7857cf9243478\" FOREIGN KEY (\"entry_id\") REFERENCES \"self_assessment_entry\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"self_assessment_return\" DROP CONSTRAINT \"FK_c9202e2a45835c7857cf9243478\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c9202e2a45835c7857cf924347\"");
    await queryRunner.query("DROP TABLE \"self_assessment_return\"");
  }
}
