import { Injectable } from '@nestjs/common';
import { assertNoProblems, conflict, Connection, notFound, PageArgs, paginate } from '@peervisit/platform';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, In } from 'typeorm';
import { compactText, englishOnly, joinText, mergeTranslations, RowTranslations, splitTexts } from '../translation/translatable-text';
import { BenchmarkDocument, parseBenchmarkDocument } from './benchmark-document';
import { Benchmark, BenchmarkStatus } from './benchmark.entity';
import { ContextFactor } from './context-factor.entity';
import { GuideQuestion, KeyFactor, KeyFactorExample } from './key-factor.entity';

export interface ImportResult {
  benchmark: Benchmark;
  /**
   * created: a new record; updated: a draft replaced; translated: a published version's translations
   * added or corrected, its English unchanged; unchanged: identical content was already there.
   */
  outcome: 'created' | 'updated' | 'translated' | 'unchanged';
}

/** The benchmark catalogue: versions, import/export as JSON, publication. */
@Injectable()
export class BenchmarkService {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: { status?: BenchmarkStatus; code?: string }, page: PageArgs): Promise<Connection<Benchmark>> {
    const query = this.dataSource.getRepository(Benchmark).createQueryBuilder('benchmark');
    if (filter.status) query.andWhere('benchmark.status = :status', { status: filter.status });
    if (filter.code) query.andWhere('benchmark.code = :code', { code: filter.code });
    return paginate(query, page, 'code');
  }

  /** One version; without a version, the latest published one. */
  async find(code: string, version?: number): Promise<Benchmark> {
    const repo = this.dataSource.getRepository(Benchmark);
    const benchmark =
      version !== undefined
        ? await repo.findOneBy({ code, version })
        : await repo.findOne({ where: { code, status: BenchmarkStatus.PUBLISHED }, order: { version: 'DESC' } });
    if (!benchmark)
      throw notFound(version !== undefined ? `Benchmark ${code} version ${version}` : `A published version of benchmark ${code}`);
    return benchmark;
  }

  async findById(id: string): Promise<Benchmark> {
    const benchmark = await this.dataSource.getRepository(Benchmark).findOneBy({ id });
    if (!benchmark) throw notFound(`Benchmark ${id}`);
    return benchmark;
  }

  /**
   * Imports a JSON document. Refuses invalid input with every problem listed and writes nothing.
   * A published version's source never changes: importing different English text or structure under
   * it is a CONFLICT; importing identical content is a no-op, so seeding is idempotent. Its
   * translations may grow: a document with the same English adds the languages and texts it carries
   * and corrects those it changes, keeping those it leaves out (so a file with only French works).
   * A draft is replaced whole, translations included.
   */
  async import(input: unknown, options: { publish?: boolean } = {}): Promise<ImportResult> {
    const { document, problems } = parseBenchmarkDocument(input);
    assertNoProblems(problems, 'The benchmark was not imported');
    const doc = document as BenchmarkDocument;
    return this.dataSource.transaction(async (manager) => {
      // Serialise imports of one code so two of them cannot take the same version number.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`benchmark:${doc.code}`]);
      const repo = manager.getRepository(Benchmark);
      const version = doc.version ?? ((await repo.maximum('version', { code: doc.code })) ?? 0) + 1;
      const existing = await repo.findOneBy({ code: doc.code, version });
      if (existing) {
        const stored = normalise(await this.toDocument(existing, manager));
        const incoming = normalise({ ...doc, version });
        const same = isDeepStrictEqual(stored, incoming);
        if (existing.status === BenchmarkStatus.PUBLISHED) {
          if (same) return { benchmark: existing, outcome: 'unchanged' as const };
          if (isDeepStrictEqual(englishOnly(stored), englishOnly(incoming))) {
            const merged = mergeTranslations(stored, incoming);
            if (isDeepStrictEqual(merged, stored)) return { benchmark: existing, outcome: 'unchanged' as const };
            await this.writeTranslations(manager, existing, merged);
            return { benchmark: await repo.findOneByOrFail({ id: existing.id }), outcome: 'translated' as const };
          }
          throw conflict(
            `Version ${version} of ${doc.code} is published and cannot change. Import the change as a new version (omit "version" to take ${
              ((await repo.maximum('version', { code: doc.code })) ?? 0) + 1
            }).`,
          );
        }
        if (same && !options.publish) return { benchmark: existing, outcome: 'unchanged' as const };
        await manager.delete(KeyFactor, { benchmarkId: existing.id });
        await manager.delete(ContextFactor, { benchmarkId: existing.id });
        Object.assign(existing, benchmarkColumns(doc));
        if (options.publish) Object.assign(existing, { status: BenchmarkStatus.PUBLISHED, publishedAt: new Date() });
        const saved = await repo.save(existing);
        await this.insertChildren(manager, saved.id, doc);
        return { benchmark: saved, outcome: 'updated' as const };
      }
      const created = await repo.save(
        repo.create({
          ...benchmarkColumns(doc),
          code: doc.code,
          version,
          status: options.publish ? BenchmarkStatus.PUBLISHED : BenchmarkStatus.DRAFT,
          publishedAt: options.publish ? new Date() : null,
        }),
      );
      await this.insertChildren(manager, created.id, doc);
      return { benchmark: created, outcome: 'created' as const };
    });
  }

  async publish(code: string, version: number): Promise<Benchmark> {
    const benchmark = await this.find(code, version);
    if (benchmark.status === BenchmarkStatus.PUBLISHED) return benchmark;
    benchmark.status = BenchmarkStatus.PUBLISHED;
    benchmark.publishedAt = new Date();
    return this.dataSource.getRepository(Benchmark).save(benchmark);
  }

  /** The JSON document (texts without a translation as plain strings), as importBenchmark takes it. */
  async export(code: string, version?: number) {
    return compactBenchmarkDocument(await this.toDocument(await this.find(code, version), this.dataSource.manager));
  }

  keyFactorsOf(benchmarkIds: readonly string[]): Promise<KeyFactor[]> {
    return this.dataSource.getRepository(KeyFactor).find({ where: { benchmarkId: In([...benchmarkIds]) }, order: { number: 'ASC' } });
  }

  contextFactorsOf(benchmarkIds: readonly string[]): Promise<ContextFactor[]> {
    return this.dataSource.getRepository(ContextFactor).find({ where: { benchmarkId: In([...benchmarkIds]) }, order: { number: 'ASC' } });
  }

  guideQuestionsOf(keyFactorIds: readonly string[]): Promise<GuideQuestion[]> {
    return this.dataSource.getRepository(GuideQuestion).find({ where: { keyFactorId: In([...keyFactorIds]) }, order: { position: 'ASC' } });
  }

  examplesOf(keyFactorIds: readonly string[]): Promise<KeyFactorExample[]> {
    return this.dataSource
      .getRepository(KeyFactorExample)
      .find({ where: { keyFactorId: In([...keyFactorIds]) }, order: { position: 'ASC' } });
  }

  private async insertChildren(manager: EntityManager, benchmarkId: string, doc: BenchmarkDocument) {
    for (const kf of doc.keyFactors) {
      const keyFactor = await manager.save(
        manager.create(KeyFactor, {
          benchmarkId,
          number: kf.number,
          code: kf.code ?? String(kf.number).padStart(2, '0'),
          headingEditorial: kf.headingEditorial ?? false,
          ...keyFactorTexts(kf),
        }),
      );
      if (kf.guideQuestions.length) {
        await manager.insert(
          GuideQuestion,
          kf.guideQuestions.map((text, i) => ({ keyFactorId: keyFactor.id, position: i + 1, ...textColumns(text) })),
        );
      }
      if (kf.examples.length) {
        await manager.insert(
          KeyFactorExample,
          kf.examples.map((e, i) => ({ keyFactorId: keyFactor.id, position: i + 1, city: e.city, ...textColumns(e.text) })),
        );
      }
    }
    if (doc.contextFactors.length) {
      await manager.insert(
        ContextFactor,
        doc.contextFactors.map((c) => ({ benchmarkId, number: c.number, code: c.code, ...contextFactorTexts(c) })),
      );
    }
  }

  /** Sets every row's translations from `doc`, whose English and structure are the stored ones. */
  private async writeTranslations(manager: EntityManager, benchmark: Benchmark, doc: BenchmarkDocument) {
    await manager.update(Benchmark, { id: benchmark.id }, benchmarkColumns(doc));
    const keyFactors = await manager.find(KeyFactor, { where: { benchmarkId: benchmark.id } });
    for (const kf of doc.keyFactors) {
      const row = keyFactors.find((k) => k.number === kf.number)!;
      await manager.update(KeyFactor, { id: row.id }, { translations: keyFactorTexts(kf).translations });
      for (const [i, text] of kf.guideQuestions.entries())
        await manager.update(GuideQuestion, { keyFactorId: row.id, position: i + 1 }, { translations: textColumns(text).translations });
      for (const [i, e] of kf.examples.entries())
        await manager.update(
          KeyFactorExample,
          { keyFactorId: row.id, position: i + 1 },
          { translations: textColumns(e.text).translations },
        );
    }
    for (const c of doc.contextFactors)
      await manager.update(
        ContextFactor,
        { benchmarkId: benchmark.id, number: c.number },
        { translations: contextFactorTexts(c).translations },
      );
  }

  private async toDocument(benchmark: Benchmark, manager: EntityManager): Promise<BenchmarkDocument> {
    const keyFactors = await manager.find(KeyFactor, { where: { benchmarkId: benchmark.id }, order: { number: 'ASC' } });
    const ids = keyFactors.map((k) => k.id);
    const questions = ids.length ? await manager.find(GuideQuestion, { where: { keyFactorId: In(ids) }, order: { position: 'ASC' } }) : [];
    const examples = ids.length
      ? await manager.find(KeyFactorExample, { where: { keyFactorId: In(ids) }, order: { position: 'ASC' } })
      : [];
    const contextFactors = await manager.find(ContextFactor, { where: { benchmarkId: benchmark.id }, order: { number: 'ASC' } });
    const text = (english: string, translations: RowTranslations, field = 'text') => joinText(english, translations, field);
    return {
      code: benchmark.code,
      version: benchmark.version,
      title: text(benchmark.title, benchmark.translations, 'title'),
      standard: text(benchmark.standard, benchmark.translations, 'standard'),
      source: {
        title: benchmark.sourceTitle,
        organisation: benchmark.sourceOrganisation,
        ...(benchmark.sourceYear !== null ? { year: benchmark.sourceYear } : {}),
        attribution: benchmark.attribution,
      },
      ratingScale: benchmark.ratingScale.map((r) => ({
        value: r.value,
        label: text(r.label, r.translations ?? {}, 'label'),
        description: text(r.description, r.translations ?? {}, 'description'),
      })),
      ratingScaleEditorial: benchmark.ratingScaleEditorial,
      keyFactors: keyFactors.map((k) => ({
        number: k.number,
        code: k.code,
        heading: text(k.heading, k.translations, 'heading'),
        headingEditorial: k.headingEditorial,
        statement: text(k.statement, k.translations, 'statement'),
        rationale: text(k.rationale, k.translations, 'rationale'),
        guideQuestions: questions.filter((q) => q.keyFactorId === k.id).map((q) => text(q.text, q.translations)),
        examples: examples.filter((e) => e.keyFactorId === k.id).map((e) => ({ city: e.city, text: text(e.text, e.translations) })),
      })),
      contextFactors: contextFactors.map((c) => ({
        number: c.number,
        code: c.code,
        name: text(c.name, c.translations, 'name'),
        description: text(c.description, c.translations, 'description'),
      })),
    };
  }
}

/** The JSON form of a document: texts without a translation as plain strings, as the shipped files write them. */
export function compactBenchmarkDocument(doc: BenchmarkDocument) {
  return {
    ...doc,
    title: compactText(doc.title),
    standard: compactText(doc.standard),
    ratingScale: doc.ratingScale.map((r) => ({ ...r, label: compactText(r.label), description: compactText(r.description) })),
    keyFactors: doc.keyFactors.map((k) => ({
      ...k,
      heading: compactText(k.heading),
      statement: compactText(k.statement),
      rationale: compactText(k.rationale),
      guideQuestions: k.guideQuestions.map(compactText),
      examples: k.examples.map((e) => ({ city: e.city, text: compactText(e.text) })),
    })),
    contextFactors: doc.contextFactors.map((c) => ({ ...c, name: compactText(c.name), description: compactText(c.description) })),
  };
}

type KeyFactorDocument = BenchmarkDocument['keyFactors'][number];

const keyFactorTexts = (kf: KeyFactorDocument) => {
  const { english, translations } = splitTexts({ heading: kf.heading, statement: kf.statement, rationale: kf.rationale });
  return { ...english, translations };
};

const textColumns = (text: BenchmarkDocument['title']) => {
  const { english, translations } = splitTexts({ text });
  return { text: english.text, translations };
};

const contextFactorTexts = (c: BenchmarkDocument['contextFactors'][number]) => {
  const { english, translations } = splitTexts({ name: c.name, description: c.description });
  return { ...english, translations };
};

function benchmarkColumns(doc: BenchmarkDocument) {
  const { english, translations } = splitTexts({ title: doc.title, standard: doc.standard });
  return {
    ...english,
    translations,
    sourceTitle: doc.source.title,
    sourceOrganisation: doc.source.organisation,
    sourceYear: doc.source.year ?? null,
    attribution: doc.source.attribution,
    ratingScale: doc.ratingScale.map((r) => {
      const texts = splitTexts({ label: r.label, description: r.description });
      return { value: r.value, ...texts.english, translations: texts.translations };
    }),
    ratingScaleEditorial: doc.ratingScaleEditorial ?? false,
  };
}

/** Fills defaults so that an export and the document it came from compare equal. */
function normalise(doc: BenchmarkDocument) {
  return {
    ...doc,
    ratingScaleEditorial: doc.ratingScaleEditorial ?? false,
    keyFactors: doc.keyFactors.map((k) => ({
      ...k,
      code: k.code ?? String(k.number).padStart(2, '0'),
      headingEditorial: k.headingEditorial ?? false,
    })),
  };
}
