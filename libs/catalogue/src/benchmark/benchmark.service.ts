import { Injectable } from '@nestjs/common';
import { assertNoProblems, conflict, Connection, notFound, PageArgs, paginate } from '@peervisit/platform';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, In } from 'typeorm';
import { BenchmarkDocument, parseBenchmarkDocument } from './benchmark-document';
import { Benchmark, BenchmarkStatus } from './benchmark.entity';
import { ContextFactor } from './context-factor.entity';
import { GuideQuestion, KeyFactor, KeyFactorExample } from './key-factor.entity';

export interface ImportResult {
  benchmark: Benchmark;
  /** created: a new record; updated: a draft replaced; unchanged: identical content was already there. */
  outcome: 'created' | 'updated' | 'unchanged';
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
   * A published version never changes: importing different content under it is a CONFLICT;
   * importing identical content is a no-op, so seeding is idempotent.
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
        const same = isDeepStrictEqual(normalise(await this.toDocument(existing, manager)), normalise({ ...doc, version }));
        if (existing.status === BenchmarkStatus.PUBLISHED) {
          if (same) return { benchmark: existing, outcome: 'unchanged' as const };
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

  async export(code: string, version?: number): Promise<BenchmarkDocument> {
    return this.toDocument(await this.find(code, version), this.dataSource.manager);
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
          heading: kf.heading,
          headingEditorial: kf.headingEditorial ?? false,
          statement: kf.statement,
          rationale: kf.rationale,
        }),
      );
      if (kf.guideQuestions.length) {
        await manager.insert(
          GuideQuestion,
          kf.guideQuestions.map((text, i) => ({ keyFactorId: keyFactor.id, position: i + 1, text })),
        );
      }
      if (kf.examples.length) {
        await manager.insert(
          KeyFactorExample,
          kf.examples.map((e, i) => ({ keyFactorId: keyFactor.id, position: i + 1, city: e.city, text: e.text })),
        );
      }
    }
    if (doc.contextFactors.length) {
      await manager.insert(
        ContextFactor,
        doc.contextFactors.map((c) => ({ ...c, benchmarkId })),
      );
    }
  }

  private async toDocument(benchmark: Benchmark, manager: EntityManager): Promise<BenchmarkDocument> {
    const keyFactors = await manager.find(KeyFactor, { where: { benchmarkId: benchmark.id }, order: { number: 'ASC' } });
    const ids = keyFactors.map((k) => k.id);
    const questions = ids.length ? await manager.find(GuideQuestion, { where: { keyFactorId: In(ids) }, order: { position: 'ASC' } }) : [];
    const examples = ids.length
      ? await manager.find(KeyFactorExample, { where: { keyFactorId: In(ids) }, order: { position: 'ASC' } })
      : [];
    const contextFactors = await manager.find(ContextFactor, { where: { benchmarkId: benchmark.id }, order: { number: 'ASC' } });
    return {
      code: benchmark.code,
      version: benchmark.version,
      title: benchmark.title,
      standard: benchmark.standard,
      source: {
        title: benchmark.sourceTitle,
        organisation: benchmark.sourceOrganisation,
        ...(benchmark.sourceYear !== null ? { year: benchmark.sourceYear } : {}),
        attribution: benchmark.attribution,
      },
      ratingScale: benchmark.ratingScale.map(({ value, label, description }) => ({ value, label, description })),
      ratingScaleEditorial: benchmark.ratingScaleEditorial,
      keyFactors: keyFactors.map((k) => ({
        number: k.number,
        code: k.code,
        heading: k.heading,
        headingEditorial: k.headingEditorial,
        statement: k.statement,
        rationale: k.rationale,
        guideQuestions: questions.filter((q) => q.keyFactorId === k.id).map((q) => q.text),
        examples: examples.filter((e) => e.keyFactorId === k.id).map((e) => ({ city: e.city, text: e.text })),
      })),
      contextFactors: contextFactors.map(({ number, code, name, description }) => ({ number, code, name, description })),
    };
  }
}

function benchmarkColumns(doc: BenchmarkDocument) {
  return {
    title: doc.title,
    standard: doc.standard,
    sourceTitle: doc.source.title,
    sourceOrganisation: doc.source.organisation,
    sourceYear: doc.source.year ?? null,
    attribution: doc.source.attribution,
    ratingScale: doc.ratingScale,
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
