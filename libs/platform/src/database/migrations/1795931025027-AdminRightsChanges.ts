import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminRightsChanges1795931025027 implements MigrationInterface {
  name = 'AdminRightsChanges1795931025027';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"admin_rights_change\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"granted\" boolean NOT NULL, \"changed_by_id\" uuid, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_1b0a96cdb7cd5857aa5f0d008e6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1e7458464de65b593604d6e50d\" ON \"admin_rights_change\" (\"person_id\", \"at\") ");
    await queryRunner.query("ALTER TABLE \"admin_rights_change\" ADD CONSTRAINT \"FK_ed7af42239a1dde1e9a2c578249\" FOREIGN KEY (\"person_id\") REFERENCES \"person\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"admin_rights_change\" DROP CONSTRAINT \"FK_ed7af42239a1dde1e9a2c578249\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1e7458464de65b593604d6e50d\"");
    await queryRunner.query("DROP TABLE \"admin_rights_change\"");
  }
}
