import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1795908572837 implements MigrationInterface {
  name = 'Sessions1795908572837';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"auth_session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"user_agent\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" text, CONSTRAINT \"PK_19354ed146424a728c1112a8cbf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_d1213975c2c276b3b09b0c751b\" ON \"auth_session\" (\"person_id\", \"last_used_at\") ");
    await queryRunner.query("CREATE TABLE \"refresh_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"session_id\" uuid NOT NULL, \"token_hash\" character varying NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_b575dd3c21fb0831013c909e7fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_7643a722ca45fb721be1c63dc0\" ON \"refresh_token\" (\"session_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f0812282fad2e352cdaf83ef0a\" ON \"refresh_token\" (\"token_hash\") ");
    await queryRunner.query("ALTER TABLE \"auth_token\" ADD \"revoked_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"refresh_token\" ADD CONSTRAINT \"FK_7643a722ca45fb721be1c63dc0c\" FOREIGN KEY (\"session_id\") REFERENCES \"auth_session\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"refresh_token\" DROP CONSTRAINT \"FK_7643a722ca45fb721be1c63dc0c\"");
    await queryRunner.query("ALTER TABLE \"auth_token\" DROP COLUMN \"revoked_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f0812282fad2e352cdaf83ef0a\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7643a722ca45fb721be1c63dc0\"");
    await queryRunner.query("DROP TABLE \"refresh_token\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d1213975c2c276b3b09b0c751b\"");
    await queryRunner.query("DROP TABLE \"auth_session\"");
  }
}
