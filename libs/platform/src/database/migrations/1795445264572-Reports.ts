import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795445264572 implements MigrationInterface {
  name = 'Reports1795445264572';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"report_status\" AS ENUM('QUEUED', 'GENERATING', 'READY', 'FAILED')");
    await queryRunner.query("CREATE TABLE \"report\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"status\" \"public\".\"report_status\" NOT NULL DEFAULT 'QUEUED', \"failure_reason\" text, \"content_hash\" text, \"files\" jsonb NOT NULL DEFAULT '{}', \"requested_by_id\" uuid NOT NULL, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"generated_at\" TIMESTAMP WITH TIME ZONE, \"published\" boolean NOT NULL DEFAULT false, \"published_at\" TIMESTAMP WITH TIME ZONE, \"published_by_id\" uuid, CONSTRAINT \"PK_99e4d0bea58cba73c57f935a546\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_7bed0aa1001b434c97101ed2da\" ON \"report\" (\"review_id\", \"version\") ");
    await queryRunner.query("ALTER TABLE \"report\" ADD CONSTRAINT \"FK_1cb5982098ec9acfcb4572627df\" FOREIGN KEY (\"review_id\") REFERENCES \"review\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"report\" DROP CONSTRAINT \"FK_1cb5982098ec9acfcb4572627df\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7bed0aa1001b434c97101ed2da\"");
    await queryRunner.query("DROP TABLE \"report\"");
    await queryRunner.query("DROP TYPE \"public\".\"report_status\"");
  }
}
