import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent as records (libs/directory/src/stakeholder/stakeholder-consent.entity.ts), the stakeholder's
 * current consent to be quoted and contacted, and the quote link and paraphrase of evidence. Each
 * stakeholder who had consent_to_be_named = true gets one NAMED record marked legacy: how and by whom
 * are unknown (method NOT_RECORDED, recorded_by_id null), dated when the stakeholder was last changed.
 */
export class StakeholderConsent1795951411806 implements MigrationInterface {
  name = 'StakeholderConsent1795951411806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"consent_kind\" AS ENUM('NAMED', 'QUOTED', 'CONTACTED')");
    await queryRunner.query("CREATE TYPE \"public\".\"consent_method\" AS ENUM('IN_PERSON', 'IN_WRITING', 'EMAIL', 'NOT_RECORDED')");
    await queryRunner.query("CREATE TABLE \"stakeholder_consent\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"stakeholder_id\" uuid NOT NULL, \"kind\" \"public\".\"consent_kind\" NOT NULL, \"given\" boolean NOT NULL, \"method\" \"public\".\"consent_method\" NOT NULL, \"recorded_by_id\" uuid, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"note\" text, \"legacy\" boolean NOT NULL DEFAULT false, \"sequence\" SERIAL NOT NULL, CONSTRAINT \"PK_c1f8c03ab668e77d72a0b77dcfc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_84bab0d0a61917b5f9c984068e\" ON \"stakeholder_consent\" (\"stakeholder_id\", \"kind\", \"sequence\") ");
    await queryRunner.query("ALTER TABLE \"stakeholder\" ADD \"consent_to_be_quoted\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"stakeholder\" ADD \"consent_to_be_contacted\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD \"quoted_stakeholder_id\" uuid");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD \"paraphrase\" text");
    await queryRunner.query("CREATE INDEX \"IDX_0de31f7417bc2dbfad544a742f\" ON \"evidence\" (\"quoted_stakeholder_id\") ");
    await queryRunner.query("ALTER TABLE \"stakeholder_consent\" ADD CONSTRAINT \"FK_dee8cb50736daf91d6dc9eb51e2\" FOREIGN KEY (\"stakeholder_id\") REFERENCES \"stakeholder\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"FK_0de31f7417bc2dbfad544a742f4\" FOREIGN KEY (\"quoted_stakeholder_id\") REFERENCES \"stakeholder\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query(
      `INSERT INTO stakeholder_consent (stakeholder_id, kind, given, method, recorded_by_id, recorded_at, note, legacy)
       SELECT id, 'NAMED', true, 'NOT_RECORDED', NULL, updated_at, 'Carried over from the former yes/no consent to be named', true
         FROM stakeholder WHERE consent_to_be_named`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"FK_0de31f7417bc2dbfad544a742f4\"");
    await queryRunner.query("ALTER TABLE \"stakeholder_consent\" DROP CONSTRAINT \"FK_dee8cb50736daf91d6dc9eb51e2\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0de31f7417bc2dbfad544a742f\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP COLUMN \"paraphrase\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP COLUMN \"quoted_stakeholder_id\"");
    await queryRunner.query("ALTER TABLE \"stakeholder\" DROP COLUMN \"consent_to_be_contacted\"");
    await queryRunner.query("ALTER TABLE \"stakeholder\" DROP COLUMN \"consent_to_be_quoted\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_84bab0d0a61917b5f9c984068e\"");
    await queryRunner.query("DROP TABLE \"stakeholder_consent\"");
    await queryRunner.query("DROP TYPE \"public\".\"consent_method\"");
    await queryRunner.query("DROP TYPE \"public\".\"consent_kind\"");
  }
}
