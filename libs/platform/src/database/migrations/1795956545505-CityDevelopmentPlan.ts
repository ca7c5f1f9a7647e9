import { MigrationInterface, QueryRunner } from 'typeorm';

/** The city's own development plan (issue 23): plan actions on an Index recommendation without a review. */
export class CityDevelopmentPlan1795956545505 implements MigrationInterface {
  name = 'CityDevelopmentPlan1795956545505';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_action\" ALTER COLUMN \"review_id\" DROP NOT NULL");
    await queryRunner.query("ALTER TABLE \"plan_action_change\" ALTER COLUMN \"review_id\" DROP NOT NULL");
    await queryRunner.query("ALTER TABLE \"plan_action\" ADD CONSTRAINT \"plan_action_review_or_external\" CHECK (\"review_id\" IS NOT NULL OR \"external_recommendation_id\" IS NOT NULL)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_action\" DROP CONSTRAINT \"plan_action_review_or_external\"");
    // The city's own plan cannot exist without the column being nullable: its actions (and, by cascade, their changes) go.
    await queryRunner.query("DELETE FROM \"plan_action\" WHERE \"review_id\" IS NULL");
    await queryRunner.query("ALTER TABLE \"plan_action_change\" ALTER COLUMN \"review_id\" SET NOT NULL");
    await queryRunner.query("ALTER TABLE \"plan_action\" ALTER COLUMN \"review_id\" SET NOT NULL");
  }
}
