import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportClaim1795451388852 implements MigrationInterface {
  name = 'ReportClaim1795451388852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"report\" ADD \"render_attempt\" integer NOT NULL DEFAULT '0'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"report\" DROP COLUMN \"render_attempt\"");
  }
}
