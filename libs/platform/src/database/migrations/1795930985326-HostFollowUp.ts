import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The host city's follow-up (issue 18): "partly accepted" as an answer to a recommendation, and the
 * documents a progress report rests on.
 */
export class HostFollowUp1795930985326 implements MigrationInterface {
  name = 'HostFollowUp1795930985326';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"follow_up_update\" ADD \"document_ids\" uuid array NOT NULL DEFAULT '{}'");
    // A new value in place: no rewrite of the recommendation table (PostgreSQL 12+ allows it in a transaction).
    await queryRunner.query("ALTER TYPE \"public\".\"host_response\" ADD VALUE IF NOT EXISTS 'PARTLY_ACCEPTED' AFTER 'ACCEPTED'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A value cannot be dropped from an enum: the type is made again without it. A partly accepted
    // answer becomes NOTED, which also carries its reason (host_comment is kept as it is).
    await queryRunner.query("ALTER TYPE \"public\".\"host_response\" RENAME TO \"host_response_new\"");
    await queryRunner.query("CREATE TYPE \"public\".\"host_response\" AS ENUM('ACCEPTED', 'NOTED', 'REJECTED')");
    await queryRunner.query(
      "ALTER TABLE \"recommendation\" ALTER COLUMN \"host_response\" TYPE \"public\".\"host_response\" USING (CASE WHEN \"host_response\"::text = 'PARTLY_ACCEPTED' THEN 'NOTED' ELSE \"host_response\"::text END)::\"public\".\"host_response\"",
    );
    await queryRunner.query("DROP TYPE \"public\".\"host_response_new\"");
    await queryRunner.query("ALTER TABLE \"follow_up_update\" DROP COLUMN \"document_ids\"");
  }
}
