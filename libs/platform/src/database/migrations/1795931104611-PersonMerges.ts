import { MigrationInterface, QueryRunner } from 'typeorm';

/** The secretariat's record of merged duplicate people (libs/directory/src/person/person-merge.entity.ts). */
export class PersonMerges1795931104611 implements MigrationInterface {
  name = 'PersonMerges1795931104611';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"person_merge\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"kept_person_id\" uuid NOT NULL, \"merged_person_id\" uuid NOT NULL, \"merged_email\" character varying NOT NULL, \"merged_full_name\" character varying NOT NULL, \"merged_by_id\" uuid, \"moved\" jsonb NOT NULL DEFAULT '[]', CONSTRAINT \"PK_f8d71f886ba46df618c420db414\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_bf0c9834f48f7ebbfe057b66dd\" ON \"person_merge\" (\"kept_person_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_62f5471c9a8ac0e52b172532a3\" ON \"person_merge\" (\"merged_person_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_62f5471c9a8ac0e52b172532a3\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_bf0c9834f48f7ebbfe057b66dd\"");
    await queryRunner.query("DROP TABLE \"person_merge\"");
  }
}
