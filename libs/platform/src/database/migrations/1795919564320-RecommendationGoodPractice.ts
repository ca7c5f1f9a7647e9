import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecommendationGoodPractice1795919564320 implements MigrationInterface {
  name = 'RecommendationGoodPractice1795919564320';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"recommendation_good_practice\" (\"recommendation_id\" uuid NOT NULL, \"good_practice_id\" uuid NOT NULL, \"linked_by_id\" uuid NOT NULL, \"linked_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_af0c389242cf8a6fb0ce7d100fb\" PRIMARY KEY (\"recommendation_id\", \"good_practice_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_8ffb2dded87ed51f89bd81ec61\" ON \"recommendation_good_practice\" (\"good_practice_id\") ");
    await queryRunner.query("ALTER TABLE \"recommendation_good_practice\" ADD CONSTRAINT \"FK_bce85cdb7803224e50655a0262d\" FOREIGN KEY (\"recommendation_id\") REFERENCES \"recommendation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"recommendation_good_practice\" DROP CONSTRAINT \"FK_bce85cdb7803224e50655a0262d\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8ffb2dded87ed51f89bd81ec61\"");
    await queryRunner.query("DROP TABLE \"recommendation_good_practice\"");
  }
}
