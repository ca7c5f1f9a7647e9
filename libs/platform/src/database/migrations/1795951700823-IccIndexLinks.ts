import { MigrationInterface, QueryRunner } from 'typeorm';

export class IccIndexLinks1795951700823 implements MigrationInterface {
  name = 'IccIndexLinks1795951700823';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"icc_index_visit_verdict\" AS ENUM('CONFIRMED', 'PARTLY_CONFIRMED', 'NOT_CONFIRMED')");
    await queryRunner.query("CREATE TABLE \"icc_index_visit_confirmation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"assessment_id\" uuid NOT NULL, \"indicator_code\" character varying NOT NULL, \"verdict\" \"public\".\"icc_index_visit_verdict\" NOT NULL, \"note\" text NOT NULL DEFAULT '', \"version\" integer NOT NULL DEFAULT '1', \"recorded_by_id\" uuid NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_810440a80dbcaec44692b7980b5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2f195e53344954dc4d15f62970\" ON \"icc_index_visit_confirmation\" (\"review_id\", \"assessment_id\", \"indicator_code\") ");
    await queryRunner.query("ALTER TABLE \"city\" ADD \"foreign_born_share\" double precision");
    await queryRunner.query("ALTER TABLE \"plan_action\" ADD \"external_recommendation_id\" uuid");
    await queryRunner.query("ALTER TABLE \"icc_index_assessment\" ADD \"analysis_due_date\" date");
    await queryRunner.query("ALTER TABLE \"plan_action\" DROP CONSTRAINT \"FK_f2165877414deb6495c7a406c68\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c86eba57167d686865bec3f90f\"");
    await queryRunner.query("ALTER TABLE \"plan_action\" ALTER COLUMN \"recommendation_id\" DROP NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_51d38f109af7bfdf91ddf7f796\" ON \"plan_action\" (\"external_recommendation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c86eba57167d686865bec3f90f\" ON \"plan_action\" (\"recommendation_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"plan_action\" ADD CONSTRAINT \"plan_action_one_recommendation\" CHECK ((\"recommendation_id\" IS NULL) <> (\"external_recommendation_id\" IS NULL))");
    await queryRunner.query("ALTER TABLE \"plan_action\" ADD CONSTRAINT \"FK_f2165877414deb6495c7a406c68\" FOREIGN KEY (\"recommendation_id\") REFERENCES \"recommendation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_visit_confirmation\" ADD CONSTRAINT \"FK_c1f89e5d832dec0a0ab74064deb\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_visit_confirmation\" ADD CONSTRAINT \"FK_c885f5a9e8bd691d106ae74539b\" FOREIGN KEY (\"assessment_id\") REFERENCES \"icc_index_assessment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"icc_index_visit_confirmation\" DROP CONSTRAINT \"FK_c885f5a9e8bd691d106ae74539b\"");
    await queryRunner.query("ALTER TABLE \"icc_index_visit_confirmation\" DROP CONSTRAINT \"FK_c1f89e5d832dec0a0ab74064deb\"");
    await queryRunner.query("ALTER TABLE \"plan_action\" DROP CONSTRAINT \"FK_f2165877414deb6495c7a406c68\"");
    await queryRunner.query("ALTER TABLE \"plan_action\" DROP CONSTRAINT \"plan_action_one_recommendation\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c86eba57167d686865bec3f90f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_51d38f109af7bfdf91ddf7f796\"");
    await queryRunner.query("ALTER TABLE \"plan_action\" ALTER COLUMN \"recommendation_id\" SET NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_c86eba57167d686865bec3f90f\" ON \"plan_action\" (\"created_at\", \"recommendation_id\") ");
    await queryRunner.query("ALTER TABLE \"plan_action\" ADD CONSTRAINT \"FK_f2165877414deb6495c7a406c68\" FOREIGN KEY (\"recommendation_id\") REFERENCES \"recommendation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_assessment\" DROP COLUMN \"analysis_due_date\"");
    await queryRunner.query("ALTER TABLE \"plan_action\" DROP COLUMN \"external_recommendation_id\"");
    await queryRunner.query("ALTER TABLE \"city\" DROP COLUMN \"foreign_born_share\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2f195e53344954dc4d15f62970\"");
    await queryRunner.query("DROP TABLE \"icc_index_visit_confirmation\"");
    await queryRunner.query("DROP TYPE \"public\".\"icc_index_visit_verdict\"");
  }
}
