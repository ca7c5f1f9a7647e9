import { MigrationInterface, QueryRunner } from 'typeorm';

export class Findings1795441353284 implements MigrationInterface {
  name = 'Findings1795441353284';

  // Generated, then edited: TypeORM emits CREATE TYPE once per entity using a shared enum
  // (conclusion_status, follow_up_status); each type is created once, and dropped after its last table.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"conclusion_status\" AS ENUM('DRAFT', 'AGREED')");
    await queryRunner.query("CREATE TABLE \"conclusion\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"key_factor_id\" uuid NOT NULL, \"rating\" integer, \"summary\" text NOT NULL DEFAULT '', \"strengths\" text NOT NULL DEFAULT '', \"areas_to_develop\" text NOT NULL DEFAULT '', \"evidence_ids\" uuid array NOT NULL DEFAULT '{}', \"status\" \"public\".\"conclusion_status\" NOT NULL DEFAULT 'DRAFT', \"agreed_at\" TIMESTAMP WITH TIME ZONE, \"agreed_by_id\" uuid, \"version\" integer NOT NULL DEFAULT '1', \"updated_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_7b3240c7efffcd60656c23550af\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_98e49ea9c09b1abb9e2adcd2f9\" ON \"conclusion\" (\"review_id\", \"key_factor_id\") ");
    await queryRunner.query("CREATE TABLE \"conclusion_revision\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"conclusion_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"rating\" integer, \"summary\" text NOT NULL, \"strengths\" text NOT NULL, \"areas_to_develop\" text NOT NULL, \"evidence_ids\" uuid array NOT NULL, \"status\" \"public\".\"conclusion_status\" NOT NULL, \"saved_by_id\" uuid NOT NULL, \"saved_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9efa902adf4bb07e24f116ff1e6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b6f4cb07bf012d80fd83c6037b\" ON \"conclusion_revision\" (\"conclusion_id\", \"version\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"recommendation_priority\" AS ENUM('HIGH', 'MEDIUM', 'LOW')");
    await queryRunner.query("CREATE TYPE \"public\".\"recommendation_horizon\" AS ENUM('QUICK_WIN', 'MEDIUM_TERM', 'LONG_TERM')");
    await queryRunner.query("CREATE TYPE \"public\".\"host_response\" AS ENUM('ACCEPTED', 'NOTED', 'REJECTED')");
    await queryRunner.query("CREATE TYPE \"public\".\"follow_up_status\" AS ENUM('NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED', 'ABANDONED')");
    await queryRunner.query("CREATE TABLE \"recommendation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"text\" text NOT NULL, \"key_factor_ids\" uuid array NOT NULL DEFAULT '{}', \"priority\" \"public\".\"recommendation_priority\" NOT NULL, \"horizon\" \"public\".\"recommendation_horizon\" NOT NULL, \"suggested_owner\" text, \"related_example_ids\" uuid array NOT NULL DEFAULT '{}', \"host_response\" \"public\".\"host_response\", \"host_comment\" text, \"responded_at\" TIMESTAMP WITH TIME ZONE, \"responded_by_id\" uuid, \"follow_up_status\" \"public\".\"follow_up_status\" NOT NULL DEFAULT 'NOT_STARTED', \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, \"withdrawal_reason\" text, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_17cb51984a6627ef2ce7370e23c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_46162d2ed070484c4170198eb4\" ON \"recommendation\" (\"review_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"follow_up_update\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"recommendation_id\" uuid NOT NULL, \"status\" \"public\".\"follow_up_status\" NOT NULL, \"note\" text NOT NULL DEFAULT '', \"as_of\" date NOT NULL, \"reported_by_id\" uuid NOT NULL, \"reported_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b31b82ba8e3226ff6d1900e07d1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1a9b368164ccce39637c2d6f9e\" ON \"follow_up_update\" (\"recommendation_id\", \"reported_at\") ");
    await queryRunner.query("ALTER TABLE \"conclusion\" ADD CONSTRAINT \"FK_73d581f64d71d64aab555ee7331\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"conclusion\" ADD CONSTRAINT \"FK_284c6ed84b381da9aca1048d97f\" FOREIGN KEY (\"key_factor_id\") REFERENCES \"key_factor\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"conclusion_revision\" ADD CONSTRAINT \"FK_4438664432aba53de5ad5e5bd79\" FOREIGN KEY (\"conclusion_id\") REFERENCES \"conclusion\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"recommendation\" ADD CONSTRAINT \"FK_86f705364642702b67f3d4c5739\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"follow_up_update\" ADD CONSTRAINT \"FK_f5a40d6c0f339fc4def44a56141\" FOREIGN KEY (\"recommendation_id\") REFERENCES \"recommendation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"follow_up_update\" DROP CONSTRAINT \"FK_f5a40d6c0f339fc4def44a56141\"");
    await queryRunner.query("ALTER TABLE \"recommendation\" DROP CONSTRAINT \"FK_86f705364642702b67f3d4c5739\"");
    await queryRunner.query("ALTER TABLE \"conclusion_revision\" DROP CONSTRAINT \"FK_4438664432aba53de5ad5e5bd79\"");
    await queryRunner.query("ALTER TABLE \"conclusion\" DROP CONSTRAINT \"FK_284c6ed84b381da9aca1048d97f\"");
    await queryRunner.query("ALTER TABLE \"conclusion\" DROP CONSTRAINT \"FK_73d581f64d71d64aab555ee7331\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1a9b368164ccce39637c2d6f9e\"");
    await queryRunner.query("DROP TABLE \"follow_up_update\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_46162d2ed070484c4170198eb4\"");
    await queryRunner.query("DROP TABLE \"recommendation\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b6f4cb07bf012d80fd83c6037b\"");
    await queryRunner.query("DROP TABLE \"conclusion_revision\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_98e49ea9c09b1abb9e2adcd2f9\"");
    await queryRunner.query("DROP TABLE \"conclusion\"");
    await queryRunner.query("DROP TYPE \"public\".\"follow_up_status\"");
    await queryRunner.query("DROP TYPE \"public\".\"host_response\"");
    await queryRunner.query("DROP TYPE \"public\".\"recommendation_horizon\"");
    await queryRunner.query("DROP TYPE \"public\".\"recommendation_priority\"");
    await queryRunner.query("DROP TYPE \"public\".\"conclusion_status\"");
  }
}
