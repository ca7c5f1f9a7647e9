import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1795441823609 implements MigrationInterface {
  name = 'Outbox1795441823609';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"outbox_status\" AS ENUM('SCHEDULED', 'SENDING', 'SENT', 'CANCELLED', 'FAILED')");
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"dedupe_key\" character varying NOT NULL, \"template\" character varying NOT NULL, \"recipient_id\" uuid, \"recipient_email\" character varying NOT NULL, \"review_id\" uuid, \"data\" jsonb NOT NULL DEFAULT '{}', \"optional\" boolean NOT NULL DEFAULT false, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" \"public\".\"outbox_status\" NOT NULL DEFAULT 'SCHEDULED', \"version\" integer NOT NULL DEFAULT '1', \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, \"message_id\" character varying NOT NULL, \"provider_message_id\" text, \"sending_since\" TIMESTAMP WITH TIME ZONE, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2f36ee5236f2793f3e7bd554589\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c9d3ed272e281eeb8be7353e2c\" ON \"outbox_message\" (\"dedupe_key\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a3e383211358cc4eda91aaabdd\" ON \"outbox_message\" (\"review_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f05c795f2193d270270c65c97b\" ON \"outbox_message\" (\"status\", \"due_at\") ");
    await queryRunner.query("ALTER TABLE \"person\" ADD \"optional_reminders_off\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"person\" ADD \"calendar_token_hash\" text");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_67a973d2454f8d9d8f4f2eeb78\" ON \"person\" (\"calendar_token_hash\") WHERE calendar_token_hash IS NOT NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_67a973d2454f8d9d8f4f2eeb78\"");
    await queryRunner.query("ALTER TABLE \"person\" DROP COLUMN \"calendar_token_hash\"");
    await queryRunner.query("ALTER TABLE \"person\" DROP COLUMN \"optional_reminders_off\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f05c795f2193d270270c65c97b\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a3e383211358cc4eda91aaabdd\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c9d3ed272e281eeb8be7353e2c\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
    await queryRunner.query("DROP TYPE \"public\".\"outbox_status\"");
  }
}
