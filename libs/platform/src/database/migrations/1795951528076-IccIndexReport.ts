import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Index report's versions (libs/reporting/src/index-report). */
export class IccIndexReport1795951528076 implements MigrationInterface {
  name = 'IccIndexReport1795951528076';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "icc_index_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "assessment_id" uuid NOT NULL, "version" integer NOT NULL, "language" text NOT NULL, "files" jsonb NOT NULL DEFAULT \'{}\', "content_hash" text NOT NULL, "requested_by_id" uuid NOT NULL, CONSTRAINT "PK_cc2d6a7065441f7e6225cb88636" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_71eedffc8e50e42678fcba7807" ON "icc_index_report" ("assessment_id", "version") ');
    await queryRunner.query(
      'ALTER TABLE "icc_index_report" ADD CONSTRAINT "FK_2d81a2a7e9f8efa6a944570c669" FOREIGN KEY ("assessment_id") REFERENCES "icc_index_assessment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "icc_index_report" DROP CONSTRAINT "FK_2d81a2a7e9f8efa6a944570c669"');
    await queryRunner.query('DROP INDEX "public"."IDX_71eedffc8e50e42678fcba7807"');
    await queryRunner.query('DROP TABLE "icc_index_report"');
  }
}
