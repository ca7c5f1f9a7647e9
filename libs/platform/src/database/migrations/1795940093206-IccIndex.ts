import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Intercultural Cities Index (issue 23, libs/icc-index): versioned definitions, city assessments,
 * their answers, the experts' comments, score corrections (kept, never changed) and recommendations.
 */
export class IccIndex1795940093206 implements MigrationInterface {
  name = 'IccIndex1795940093206';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"icc_index_definition_status\" AS ENUM('DRAFT', 'PUBLISHED')");
    await queryRunner.query("CREATE TABLE \"icc_index_definition\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"code\" character varying NOT NULL, \"version\" integer NOT NULL, \"status\" \"public\".\"icc_index_definition_status\" NOT NULL DEFAULT 'DRAFT', \"published_at\" TIMESTAMP WITH TIME ZONE, \"illustrative\" boolean NOT NULL DEFAULT false, \"content\" jsonb NOT NULL, CONSTRAINT \"PK_da9ef461cdfcbab4a9656ff99e7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_382df408b12781c2881258aba1\" ON \"icc_index_definition\" (\"code\", \"version\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"icc_index_assessment_status\" AS ENUM('IN_PROGRESS', 'ANALYSIS', 'PUBLISHED')");
    await queryRunner.query("CREATE TABLE \"icc_index_assessment\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"city_id\" uuid NOT NULL, \"definition_id\" uuid NOT NULL, \"status\" \"public\".\"icc_index_assessment_status\" NOT NULL DEFAULT 'IN_PROGRESS', \"due_date\" date NOT NULL, \"coordinator_person_id\" uuid, \"expert_person_ids\" uuid array NOT NULL DEFAULT '{}', \"started_by_id\" uuid NOT NULL, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"published_at\" TIMESTAMP WITH TIME ZONE, \"published_scores\" jsonb, CONSTRAINT \"PK_c14df3b1759f7542fe81249b9bb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_72f083d661e1dd57b90b355a74\" ON \"icc_index_assessment\" (\"city_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"icc_index_answer\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"assessment_id\" uuid NOT NULL, \"question_code\" character varying NOT NULL, \"department\" text, \"assignee_id\" uuid, \"value\" jsonb, \"reference\" text NOT NULL DEFAULT '', \"version\" integer NOT NULL DEFAULT '1', \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_97ced4571f250d0f27101836ce3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f8200205ba835f675b8c6bfaf3\" ON \"icc_index_answer\" (\"assessment_id\", \"question_code\") ");
    await queryRunner.query("CREATE TABLE \"icc_index_indicator_comment\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"assessment_id\" uuid NOT NULL, \"indicator_code\" character varying NOT NULL, \"comment\" text NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6e645c63f3c5e0fbd76b7c70234\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b0c14ac7d3f0ba9eb6527112b5\" ON \"icc_index_indicator_comment\" (\"assessment_id\", \"indicator_code\") ");
    await queryRunner.query("CREATE TABLE \"icc_index_score_correction\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"assessment_id\" uuid NOT NULL, \"indicator_code\" character varying NOT NULL, \"score\" double precision NOT NULL, \"computed_score\" double precision, \"reason\" text NOT NULL, \"corrected_by_id\" uuid NOT NULL, CONSTRAINT \"PK_e44a39032c0615bbf5974dd16ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_8412827fddd5bf82e10b789986\" ON \"icc_index_score_correction\" (\"assessment_id\", \"indicator_code\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"icc_index_recommendation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"assessment_id\" uuid NOT NULL, \"indicator_code\" text, \"text\" text NOT NULL, \"created_by_id\" uuid NOT NULL, CONSTRAINT \"PK_5ba559d23af0d1e2997f242d5e4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_fa797dada63b2e8a8e31ea7e30\" ON \"icc_index_recommendation\" (\"assessment_id\") ");
    await queryRunner.query("ALTER TABLE \"icc_index_assessment\" ADD CONSTRAINT \"FK_f6c2d6770ecc6adccf22debcc35\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_assessment\" ADD CONSTRAINT \"FK_d11332fb80de9bc8a9978ed083a\" FOREIGN KEY (\"definition_id\") REFERENCES \"icc_index_definition\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_answer\" ADD CONSTRAINT \"FK_79ba974d36ce04be98af23b8508\" FOREIGN KEY (\"assessment_id\") REFERENCES \"icc_index_assessment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_indicator_comment\" ADD CONSTRAINT \"FK_118b05214853f752319ed4e21b8\" FOREIGN KEY (\"assessment_id\") REFERENCES \"icc_index_assessment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_score_correction\" ADD CONSTRAINT \"FK_c0a4292ad5ecea4afff8dd8f34f\" FOREIGN KEY (\"assessment_id\") REFERENCES \"icc_index_assessment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"icc_index_recommendation\" ADD CONSTRAINT \"FK_fa797dada63b2e8a8e31ea7e309\" FOREIGN KEY (\"assessment_id\") REFERENCES \"icc_index_assessment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"icc_index_recommendation\" DROP CONSTRAINT \"FK_fa797dada63b2e8a8e31ea7e309\"");
    await queryRunner.query("ALTER TABLE \"icc_index_score_correction\" DROP CONSTRAINT \"FK_c0a4292ad5ecea4afff8dd8f34f\"");
    await queryRunner.query("ALTER TABLE \"icc_index_indicator_comment\" DROP CONSTRAINT \"FK_118b05214853f752319ed4e21b8\"");
    await queryRunner.query("ALTER TABLE \"icc_index_answer\" DROP CONSTRAINT \"FK_79ba974d36ce04be98af23b8508\"");
    await queryRunner.query("ALTER TABLE \"icc_index_assessment\" DROP CONSTRAINT \"FK_d11332fb80de9bc8a9978ed083a\"");
    await queryRunner.query("ALTER TABLE \"icc_index_assessment\" DROP CONSTRAINT \"FK_f6c2d6770ecc6adccf22debcc35\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_fa797dada63b2e8a8e31ea7e30\"");
    await queryRunner.query("DROP TABLE \"icc_index_recommendation\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8412827fddd5bf82e10b789986\"");
    await queryRunner.query("DROP TABLE \"icc_index_score_correction\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b0c14ac7d3f0ba9eb6527112b5\"");
    await queryRunner.query("DROP TABLE \"icc_index_indicator_comment\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f8200205ba835f675b8c6bfaf3\"");
    await queryRunner.query("DROP TABLE \"icc_index_answer\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_72f083d661e1dd57b90b355a74\"");
    await queryRunner.query("DROP TABLE \"icc_index_assessment\"");
    await queryRunner.query("DROP TYPE \"public\".\"icc_index_assessment_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_382df408b12781c2881258aba1\"");
    await queryRunner.query("DROP TABLE \"icc_index_definition\"");
    await queryRunner.query("DROP TYPE \"public\".\"icc_index_definition_status\"");
  }
}
