import { MigrationInterface, QueryRunner } from 'typeorm';

export class EntryCarryOver1795441602652 implements MigrationInterface {
  name = 'EntryCarryOver1795441602652';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"self_assessment_entry\" ADD \"carried_over_from_id\" uuid");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"self_assessment_entry\" DROP COLUMN \"carried_over_from_id\"");
  }
}
