import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentVersions1795931017172 implements MigrationInterface {
  name = 'DocumentVersions1795931017172';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"document\" ADD \"replaces_document_id\" uuid");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_bf9ae7ed262ccb0bf40bb0a7d5\" ON \"document\" (\"replaces_document_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_bf9ae7ed262ccb0bf40bb0a7d5\"");
    await queryRunner.query("ALTER TABLE \"document\" DROP COLUMN \"replaces_document_id\"");
  }
}
