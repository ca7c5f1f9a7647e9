import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: translations of the benchmark's texts beside their English columns (the source and the
 * fallback), and of a good practice's texts beside the ones as written.
 */
export class BenchmarkTranslations1795951271553 implements MigrationInterface {
  name = 'BenchmarkTranslations1795951271553';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"benchmark\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"context_factor\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"key_factor\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"guide_question\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"key_factor_example\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"good_practice\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"good_practice\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"key_factor_example\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"guide_question\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"key_factor\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"context_factor\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"benchmark\" DROP COLUMN \"translations\"");
  }
}
