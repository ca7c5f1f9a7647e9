import { MigrationInterface, QueryRunner } from 'typeorm';

const PRACTICE_TEXT =
  "coalesce(main_purpose, '') || ' ' || coalesce(purpose, '') || ' ' || coalesce(stimulus, '') || ' ' || coalesce(process, '') || ' ' || coalesce(impact, '')";
const SOURCE_VECTOR = `setweight(to_tsvector(text_search_config(language), title), 'A') || to_tsvector(text_search_config(language), ${PRACTICE_TEXT})`;

/**
 * Issue 19: a good practice is found by the words of its translations too, each stemmed in its own
 * language's configuration. The translations are a jsonb map (language → field → text), so an
 * immutable function turns them into one tsvector and the GIN index covers source || translations
 * (the same expression as goodPracticeSearchVector()).
 */
export class GoodPracticeTranslationSearch1795953641069 implements MigrationInterface {
  name = 'GoodPracticeTranslationSearch1795953641069';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION good_practice_translations_tsvector(translations jsonb) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
       DECLARE
         vector tsvector := ''::tsvector;
         lang text;
         texts jsonb;
       BEGIN
         IF translations IS NULL OR jsonb_typeof(translations) <> 'object' THEN
           RETURN vector;
         END IF;
         FOR lang, texts IN SELECT key, value FROM jsonb_each(translations) LOOP
           CONTINUE WHEN jsonb_typeof(texts) <> 'object';
           vector := vector
             || setweight(to_tsvector(text_search_config(lang), coalesce(texts->>'title', '')), 'A')
             || to_tsvector(text_search_config(lang), concat_ws(' ', texts->>'mainPurpose', texts->>'purpose', texts->>'stimulus', texts->>'process', texts->>'impact'));
         END LOOP;
         RETURN vector;
       END $$`,
    );
    await queryRunner.query('DROP INDEX "good_practice_search_gin"');
    await queryRunner.query(
      `CREATE INDEX "good_practice_search_gin" ON "good_practice" USING gin ((${SOURCE_VECTOR} || good_practice_translations_tsvector(translations)))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "good_practice_search_gin"');
    await queryRunner.query(`CREATE INDEX "good_practice_search_gin" ON "good_practice" USING gin ((${SOURCE_VECTOR}))`);
    await queryRunner.query('DROP FUNCTION good_practice_translations_tsvector(jsonb)');
  }
}
