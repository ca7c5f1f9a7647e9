import { MigrationInterface, QueryRunner } from 'typeorm';

export class GoodPractices1795443637278 implements MigrationInterface {
  // Generated, then edited by hand: good_practice_status is shared by both tables, so it is created once
  // and dropped after its last table; the full-text GIN index is an expression TypeORM cannot express
  // (the entity declares it with synchronize: false; keep it equal to goodPracticeSearchVector()).
  name = 'GoodPractices1795443637278';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"good_practice_status\" AS ENUM('DRAFT', 'SUBMITTED', 'PUBLISHED')");
    await queryRunner.query("CREATE TABLE \"good_practice\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"status\" \"public\".\"good_practice_status\" NOT NULL DEFAULT 'DRAFT', \"city\" text NOT NULL, \"city_id\" uuid, \"country\" character varying(2), \"department\" text, \"completed_on\" date, \"contact_person\" text, \"title\" text NOT NULL, \"main_field_of_action_id\" uuid NOT NULL, \"further_field_of_action_ids\" uuid array NOT NULL DEFAULT '{}', \"main_purpose\" text, \"implementation_period\" text, \"period_start_year\" integer, \"period_end_year\" integer, \"purpose\" text, \"stimulus\" text, \"process\" text, \"impact\" text, \"key_reference_documents\" jsonb NOT NULL, \"criteria\" jsonb NOT NULL, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"published_at\" TIMESTAMP WITH TIME ZONE, \"published_by_id\" uuid, \"created_by_id\" uuid NOT NULL, \"updated_by_id\" uuid, \"source_review_id\" uuid, \"source_evidence_id\" uuid, \"source_recommendation_id\" uuid, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_398de673b2418c92299458af4a0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_70027e3d3e96e4f1617552564d\" ON \"good_practice\" (\"city_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a708778039ea119c416c7afb0e\" ON \"good_practice\" (\"created_by_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_0fbdd23ae78a37c948d44248c8\" ON \"good_practice\" (\"source_evidence_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a164cf0e2684afc03cccebb25e\" ON \"good_practice\" (\"source_recommendation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_07fe9923c9e0f12f0ea07f886f\" ON \"good_practice\" (\"status\", \"published_at\") ");
    await queryRunner.query("CREATE TABLE \"good_practice_revision\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"good_practice_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"action\" text NOT NULL, \"status\" \"public\".\"good_practice_status\" NOT NULL, \"document\" jsonb NOT NULL, \"note\" text, \"saved_by_id\" uuid NOT NULL, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_43b7749daeb6c6ffe21c30dd939\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_deb15a7558c1743791ba9f0c5f\" ON \"good_practice_revision\" (\"good_practice_id\", \"version\") ");
    await queryRunner.query("ALTER TABLE \"good_practice\" ADD CONSTRAINT \"FK_2a7a92d5fe4ae8d7df059933090\" FOREIGN KEY (\"main_field_of_action_id\") REFERENCES \"field_of_action\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"good_practice_revision\" ADD CONSTRAINT \"FK_9102966c41eda75e94d093ddafb\" FOREIGN KEY (\"good_practice_id\") REFERENCES \"good_practice\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query(
      `CREATE INDEX "good_practice_search_gin" ON "good_practice" USING gin ((setweight(to_tsvector('english', title), 'A') || to_tsvector('english', coalesce(main_purpose, '') || ' ' || coalesce(purpose, '') || ' ' || coalesce(stimulus, '') || ' ' || coalesce(process, '') || ' ' || coalesce(impact, ''))))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."good_practice_search_gin"');
    await queryRunner.query("ALTER TABLE \"good_practice_revision\" DROP CONSTRAINT \"FK_9102966c41eda75e94d093ddafb\"");
    await queryRunner.query("ALTER TABLE \"good_practice\" DROP CONSTRAINT \"FK_2a7a92d5fe4ae8d7df059933090\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_deb15a7558c1743791ba9f0c5f\"");
    await queryRunner.query("DROP TABLE \"good_practice_revision\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_07fe9923c9e0f12f0ea07f886f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a164cf0e2684afc03cccebb25e\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0fbdd23ae78a37c948d44248c8\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a708778039ea119c416c7afb0e\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_70027e3d3e96e4f1617552564d\"");
    await queryRunner.query("DROP TABLE \"good_practice\"");
    await queryRunner.query("DROP TYPE \"public\".\"good_practice_status\"");
  }
}
