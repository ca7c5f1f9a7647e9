import { MigrationInterface, QueryRunner } from 'typeorm';

/** The record of each erasure of a person or stakeholder (libs/review/src/personal-data/personal-data-erasure.entity.ts). */
export class PersonalDataErasure1795941074813 implements MigrationInterface {
  name = 'PersonalDataErasure1795941074813';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"erasure_subject\" AS ENUM('PERSON', 'STAKEHOLDER')");
    await queryRunner.query("CREATE TABLE \"personal_data_erasure\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"subject_kind\" \"public\".\"erasure_subject\" NOT NULL, \"subject_id\" uuid NOT NULL, \"pseudonym\" character varying NOT NULL, \"reason\" text NOT NULL, \"erased_by_id\" uuid NOT NULL, \"erased_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"published_reports\" jsonb NOT NULL DEFAULT '[]', CONSTRAINT \"PK_6887ef84be2bd57ad8068add672\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5e4af78beb25d09a98123203ae\" ON \"personal_data_erasure\" (\"subject_kind\", \"subject_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"personal_data_erasure\"");
    await queryRunner.query("DROP TYPE \"public\".\"erasure_subject\"");
  }
}
