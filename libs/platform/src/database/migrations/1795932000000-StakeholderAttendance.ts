import { MigrationInterface, QueryRunner } from 'typeorm';

/** The host city's confirmation that a stakeholder will come to a session (libs/review/src/visit/visit-session.entity.ts). */
export class StakeholderAttendance1795932000000 implements MigrationInterface {
  name = 'StakeholderAttendance1795932000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "session_stakeholder" ADD "confirmed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "session_stakeholder" ADD "confirmed_by_id" uuid');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "session_stakeholder" DROP COLUMN "confirmed_by_id"');
    await queryRunner.query('ALTER TABLE "session_stakeholder" DROP COLUMN "confirmed_at"');
  }
}
