import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchmarkService } from '@peervisit/catalogue';
import { assembleReportModel, renderReportHtml } from '@peervisit/reporting';
import { createReviewFixture, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * Translating a benchmark is an import (issue 19): a published version takes translations as long as
 * its English stays the same; the export carries them; GraphQL serves a language with English as the
 * fallback; the report of a version in French shows the French key factor texts.
 *
 * The French here is a fixture written for this test, not a translation PeerVisit ships.
 */
const shipped = JSON.parse(readFileSync('libs/catalogue/src/data/eurocities-promoting-cultural-diversity.benchmark.json', 'utf8'));

function withFrench(document: Record<string, any>) {
  const copy = structuredClone(document);
  copy.title = { en: copy.title, fr: 'Promouvoir la diversité culturelle' };
  copy.ratingScale[0].label = { en: copy.ratingScale[0].label, fr: 'Absent' };
  const kf = copy.keyFactors[0];
  kf.heading = { en: kf.heading, fr: 'Engagement public' };
  kf.statement = { en: kf.statement, fr: 'La ville fait activement connaître son engagement en faveur de la diversité.' };
  kf.guideQuestions[0] = {
    en: kf.guideQuestions[0],
    fr: 'Votre ville a-t-elle déclaré publiquement son engagement en faveur de la diversité ?',
  };
  copy.contextFactors[0].name = { en: copy.contextFactors[0].name, fr: 'Législation et politique nationales' };
  return copy;
}

describe('benchmark translations (on a fresh database)', () => {
  let t: TestApp;
  let benchmarks: BenchmarkService;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    benchmarks = t.app.get(BenchmarkService);
  });
  afterAll(() => t?.close());

  it('a published version takes a translation as an import, keeps its English, and exports both', async () => {
    const before = await t.dataSource.query('SELECT id, heading, statement FROM key_factor ORDER BY number');
    const { outcome, benchmark } = await benchmarks.import(withFrench(shipped));
    expect(outcome).toBe('translated');
    expect(benchmark).toMatchObject({ version: 1, status: 'PUBLISHED', title: 'Promoting cultural diversity' });
    // The rows are the same rows (evidence and conclusions point at them), their English untouched.
    expect(await t.dataSource.query('SELECT id, heading, statement FROM key_factor ORDER BY number')).toEqual(before);

    const exported = await benchmarks.export('EUROCITIES-PCD', 1);
    expect(exported.title).toEqual({ en: 'Promoting cultural diversity', fr: 'Promouvoir la diversité culturelle' });
    expect(exported.keyFactors[0].heading).toEqual({ en: 'Public commitment', fr: 'Engagement public' });
    expect(exported.keyFactors[0].guideQuestions[0]).toEqual({
      en: "Is there a public statement of your city's commitment to diversity?",
      fr: 'Votre ville a-t-elle déclaré publiquement son engagement en faveur de la diversité ?',
    });
    expect(exported.keyFactors[1].heading).toBe(shipped.keyFactors[1].heading); // untranslated: still a plain string
    expect(exported).toEqual(withFrench(shipped));
    expect((await benchmarks.import(exported)).outcome).toBe('unchanged');
  });

  it('a later translation adds its language and keeps the others; a changed English is still refused', async () => {
    const german = structuredClone(shipped);
    german.keyFactors[0].heading = { en: german.keyFactors[0].heading, de: 'Öffentliches Bekenntnis' };
    expect((await benchmarks.import(german)).outcome).toBe('translated');
    const exported = await benchmarks.export('EUROCITIES-PCD', 1);
    expect(exported.keyFactors[0].heading).toEqual({ en: 'Public commitment', de: 'Öffentliches Bekenntnis', fr: 'Engagement public' });

    const changed = withFrench(shipped);
    changed.keyFactors[0].heading.en = 'Public pledge';
    await expect(benchmarks.import(changed)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await benchmarks.export('EUROCITIES-PCD', 1)).keyFactors[0].heading).toEqual(exported.keyFactors[0].heading);
  });

  it('refuses a translation without its English, or with a language that is not a two-letter code, naming the place', async () => {
    const broken = structuredClone(shipped);
    broken.keyFactors[2].heading = { fr: 'Sans anglais' };
    broken.keyFactors[3].statement = { en: broken.keyFactors[3].statement, French: 'Non' };
    const error = await benchmarks.import(broken).catch((e) => e);
    expect(error.details.problems).toEqual([
      { path: 'keyFactors[2].heading', message: 'heading needs its English text ("en")' },
      { path: 'keyFactors[3].statement', message: 'statement must be a text or { "en": …, "fr": … }' },
    ]);
  });

  it('GraphQL serves the language asked for, else the caller’s (Accept-Language), else English', async () => {
    const query = `query($lang: String) { benchmark(code: "EUROCITIES-PCD") {
      title(language: $lang) ratingScale(language: $lang) { value label }
      keyFactors { number heading(language: $lang) guideQuestions { text } }
      contextFactors { name(language: $lang) } } }`;
    const f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK' });
    const peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD); // an English speaker
    const { benchmark: fr } = await peer.ok(query, { lang: 'fr' });
    expect(fr.title).toBe('Promouvoir la diversité culturelle');
    expect(fr.ratingScale[0]).toEqual({ value: 1, label: 'Absent' });
    expect(fr.ratingScale[1].label).toBe(shipped.ratingScale[1].label);
    expect(fr.keyFactors[0].heading).toBe('Engagement public');
    expect(fr.keyFactors[1].heading).toBe(shipped.keyFactors[1].heading); // no translation: English
    expect(fr.contextFactors[0].name).toBe('Législation et politique nationales');
    // Without the argument: the guide questions above were asked without it, in the caller's language (English here).
    expect(fr.keyFactors[0].guideQuestions[0].text).toBe(shipped.keyFactors[0].guideQuestions[0]);
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr-CH, fr;q=0.9', authorization: `Bearer ${peer.token}` },
      body: JSON.stringify({ query: '{ benchmark(code: "EUROCITIES-PCD") { title keyFactors { heading guideQuestions { text } } } }' }),
    });
    const { data } = (await response.json()) as {
      data: { benchmark: { title: string; keyFactors: { guideQuestions: { text: string }[] }[] } };
    };
    expect(data.benchmark.title).toBe('Promouvoir la diversité culturelle');
    expect(data.benchmark.keyFactors[0].guideQuestions[0].text).toBe(
      'Votre ville a-t-elle déclaré publiquement son engagement en faveur de la diversité ?',
    );
    const { benchmark: de } = await peer.ok(query, { lang: 'de' });
    expect(de.title).toBe('Promoting cultural diversity');
    expect(de.keyFactors[0].heading).toBe('Öffentliches Bekenntnis');
  });

  it('a report version in French shows the French key factor texts; one in English the English', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK' });
    const french = await assembleReportModel(t.dataSource.manager, f.reviewId, 'fr');
    const english = await assembleReportModel(t.dataSource.manager, f.reviewId, 'en');
    const german = await assembleReportModel(t.dataSource.manager, f.reviewId, 'de');
    expect(french.cover.benchmark.title).toBe('Promouvoir la diversité culturelle');
    expect(english.cover.benchmark.title).toBe('Promoting cultural diversity');
    const html = await renderReportHtml(french);
    expect(html).toContain('Engagement public');
    expect(html).toContain('La ville fait activement connaître son engagement en faveur de la diversité.');
    expect(html).toContain('Promouvoir la diversité culturelle');
    expect(html).not.toContain('The city actively communicates its commitment to diversity.');
    const englishHtml = await renderReportHtml(english);
    expect(englishHtml).toContain('Public commitment');
    expect(englishHtml).not.toContain('Engagement public');
    // German: the heading translated above, the statement (untranslated) in English.
    const germanHtml = await renderReportHtml(german);
    expect(germanHtml).toContain('Öffentliches Bekenntnis');
    expect(germanHtml).toContain('The city actively communicates its commitment to diversity.');
  });

  it('npm run benchmark:import / benchmark:export carry translations through a file', async () => {
    const url = (t.dataSource.options as PostgresConnectionOptions).url as string;
    const dir = mkdtempSync(join(tmpdir(), 'benchmark-io-'));
    const file = join(dir, 'fr.json');
    const document = withFrench(shipped);
    document.keyFactors[4].heading = { en: document.keyFactors[4].heading, fr: 'Un titre de la fixture' };
    writeFileSync(file, JSON.stringify(document));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/benchmark-io.ts', ...args], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
        timeout: 120_000,
      });
    const imported = run('import', file);
    expect(imported.stderr).not.toMatch(/error/i);
    expect(imported.stdout.trim()).toBe('EUROCITIES-PCD version 1 (PUBLISHED): translated');
    const exported = run('export', 'EUROCITIES-PCD', '1');
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout).keyFactors[4].heading).toEqual({ en: shipped.keyFactors[4].heading, fr: 'Un titre de la fixture' });
  });
});
