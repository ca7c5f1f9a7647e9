import { MigrationInterface, QueryRunner } from 'typeorm';

/** How long a stakeholder agreed to be kept identifiable, and when the retention job pseudonymised them (libs/review/src/personal-data/retention.service.ts). */
export class StakeholderRetention1795939972110 implements MigrationInterface {
  name = 'StakeholderRetention1795939972110';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stakeholder" ADD "keep_until" date');
    await queryRunner.query('ALTER TABLE "stakeholder" ADD "pseudonymised_at" TIMESTAMP WITH TIME ZONE');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stakeholder" DROP COLUMN "pseudonymised_at"');
    await queryRunner.query('ALTER TABLE "stakeholder" DROP COLUMN "keep_until"');
  }
}
