import { MigrationInterface, QueryRunner } from 'typeorm';

const EVIDENCE_TEXT = "statement || ' ' || coalesce(quote, '')";
const PRACTICE_TEXT =
  "coalesce(main_purpose, '') || ' ' || coalesce(purpose, '') || ' ' || coalesce(stimulus, '') || ' ' || coalesce(process, '') || ' ' || coalesce(impact, '')";

/**
 * Issue 19: a review's working language, the language of each evidence item, good practice and
 * report version, and full-text indexes in each row's own language (text_search_config, the SQL twin
 * of TEXT_SEARCH_CONFIG in libs/platform/src/i18n/languages.ts). An evidence item takes its review's
 * working language from a trigger, so the insert statements need not name the column.
 */
export class LanguagesAndTimeZones1795939813355 implements MigrationInterface {
  name = 'LanguagesAndTimeZones1795939813355';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review" ADD "working_language" text NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "report" ADD "language" text NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "good_practice" ADD "language" text NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "language" text`);
    await queryRunner.query(`UPDATE "evidence" e SET "language" = r.working_language FROM "review" r WHERE r.id = e.review_id`);
    await queryRunner.query(`ALTER TABLE "evidence" ALTER COLUMN "language" SET NOT NULL`);
    await queryRunner.query(
      `CREATE FUNCTION text_search_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT CASE lang WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig WHEN 'de' THEN 'german'::regconfig ELSE 'simple'::regconfig END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION evidence_language_from_review() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.language IS NULL THEN
           SELECT working_language INTO NEW.language FROM review WHERE id = NEW.review_id;
           NEW.language := coalesce(NEW.language, 'en');
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER evidence_language BEFORE INSERT ON "evidence" FOR EACH ROW EXECUTE FUNCTION evidence_language_from_review()',
    );
    await queryRunner.query('DROP INDEX "evidence_search_gin"');
    await queryRunner.query(`CREATE INDEX "evidence_search_gin" ON "evidence" USING gin (to_tsvector(text_search_config(language), ${EVIDENCE_TEXT}))`);
    await queryRunner.query('DROP INDEX "good_practice_search_gin"');
    await queryRunner.query(
      `CREATE INDEX "good_practice_search_gin" ON "good_practice" USING gin ((setweight(to_tsvector(text_search_config(language), title), 'A') || to_tsvector(text_search_config(language), ${PRACTICE_TEXT})))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "good_practice_search_gin"');
    await queryRunner.query(
      `CREATE INDEX "good_practice_search_gin" ON "good_practice" USING gin ((setweight(to_tsvector('english', title), 'A') || to_tsvector('english', ${PRACTICE_TEXT})))`,
    );
    await queryRunner.query('DROP INDEX "evidence_search_gin"');
    await queryRunner.query(`CREATE INDEX "evidence_search_gin" ON "evidence" USING gin (to_tsvector('english', ${EVIDENCE_TEXT}))`);
    await queryRunner.query('DROP TRIGGER evidence_language ON "evidence"');
    await queryRunner.query('DROP FUNCTION evidence_language_from_review()');
    await queryRunner.query('DROP FUNCTION text_search_config(text)');
    await queryRunner.query('ALTER TABLE "evidence" DROP COLUMN "language"');
    await queryRunner.query('ALTER TABLE "good_practice" DROP COLUMN "language"');
    await queryRunner.query('ALTER TABLE "report" DROP COLUMN "language"');
    await queryRunner.query('ALTER TABLE "review" DROP COLUMN "working_language"');
  }
}
