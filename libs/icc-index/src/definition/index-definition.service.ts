import { Injectable } from '@nestjs/common';
import { assertNoProblems, conflict, Connection, notFound, PageArgs, paginate } from '@peervisit/platform';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { IndexDocument, normaliseIndexDocument, parseIndexDocument } from './index-document';
import { IndexDefinition, IndexDefinitionStatus } from './index-definition.entity';

export interface IndexImportResult {
  definition: IndexDefinition;
  /** created: a new record; updated: a draft replaced; unchanged: identical content was already there. */
  outcome: 'created' | 'updated' | 'unchanged';
}

/** The Index definitions: versions, import/export as JSON, publication (the benchmark catalogue's rules). */
@Injectable()
export class IndexDefinitionService {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: { status?: IndexDefinitionStatus; code?: string }, page: PageArgs): Promise<Connection<IndexDefinition>> {
    const query = this.dataSource.getRepository(IndexDefinition).createQueryBuilder('definition');
    if (filter.status) query.andWhere('definition.status = :status', { status: filter.status });
    if (filter.code) query.andWhere('definition.code = :code', { code: filter.code });
    return paginate(query, page, 'code');
  }

  /** One version; without a version, the latest published one. */
  async find(code: string, version?: number): Promise<IndexDefinition> {
    const repo = this.dataSource.getRepository(IndexDefinition);
    const definition =
      version !== undefined
        ? await repo.findOneBy({ code, version })
        : await repo.findOne({ where: { code, status: IndexDefinitionStatus.PUBLISHED }, order: { version: 'DESC' } });
    if (!definition) throw notFound(version !== undefined ? `Index ${code} version ${version}` : `A published version of Index ${code}`);
    return definition;
  }

  async findById(id: string): Promise<IndexDefinition> {
    const definition = await this.dataSource.getRepository(IndexDefinition).findOneBy({ id });
    if (!definition) throw notFound(`Index definition ${id}`);
    return definition;
  }

  /**
   * Imports a JSON document. Refuses invalid input with every problem listed and writes nothing. A
   * published version never changes: different content under it is a CONFLICT naming the version to
   * use; identical content is a no-op, so seeding is idempotent; a draft is replaced in place.
   */
  async import(input: unknown, options: { publish?: boolean } = {}): Promise<IndexImportResult> {
    const { document, problems } = parseIndexDocument(input);
    assertNoProblems(problems, 'The Index definition was not imported');
    const { version: asked, ...content } = document as IndexDocument;
    return this.dataSource.transaction(async (manager) => {
      // Serialise imports of one code so two of them cannot take the same version number.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`icc-index:${content.code}`]);
      const repo = manager.getRepository(IndexDefinition);
      const next = async () => ((await repo.maximum('version', { code: content.code })) ?? 0) + 1;
      const version = asked ?? (await next());
      const existing = await repo.findOneBy({ code: content.code, version });
      const publish = options.publish ? { status: IndexDefinitionStatus.PUBLISHED, publishedAt: new Date() } : {};
      if (existing) {
        const same = isDeepStrictEqual(normaliseIndexDocument(existing.content), normaliseIndexDocument(content));
        if (existing.status === IndexDefinitionStatus.PUBLISHED) {
          if (same) return { definition: existing, outcome: 'unchanged' as const };
          throw conflict(
            `Version ${version} of ${content.code} is published and cannot change. Import the change as a new version (omit "version" to take ${await next()}).`,
          );
        }
        if (same && !options.publish) return { definition: existing, outcome: 'unchanged' as const };
        Object.assign(existing, { content, illustrative: content.illustrative }, publish);
        return { definition: await repo.save(existing), outcome: 'updated' as const };
      }
      const created = await repo.save(
        repo.create({
          code: content.code,
          version,
          content,
          illustrative: content.illustrative,
          status: IndexDefinitionStatus.DRAFT,
          ...publish,
        }),
      );
      return { definition: created, outcome: 'created' as const };
    });
  }

  async publish(code: string, version: number): Promise<IndexDefinition> {
    const definition = await this.find(code, version);
    if (definition.status === IndexDefinitionStatus.PUBLISHED) return definition;
    definition.status = IndexDefinitionStatus.PUBLISHED;
    definition.publishedAt = new Date();
    return this.dataSource.getRepository(IndexDefinition).save(definition);
  }

  async export(code: string, version?: number): Promise<IndexDocument> {
    const definition = await this.find(code, version);
    return documentOf(definition);
  }
}

/** The import form of a stored version: what export answers and the round trip compares. */
export function documentOf(definition: IndexDefinition): IndexDocument {
  const { code, ...rest } = normaliseIndexDocument(definition.content);
  return { code, version: definition.version, ...rest };
}
