import { notFound, PageArgs, paginate } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';

/** The lookups every directory service makes the same way: a searched page, one row by id, rows by ids. */
export class DirectoryRows<T extends { id: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: new () => T,
    private readonly label: string,
  ) {}

  /** `column` is searched and sorted on; `sortColumn` when they differ (stakeholders: name may be null). */
  search(column: string, page: PageArgs & { search?: string }, sortColumn = column) {
    const query = this.dataSource.getRepository(this.entity).createQueryBuilder('row');
    if (page.search) query.where(`row.${column} ILIKE :search`, { search: `%${page.search.replace(/[%_\\]/g, '\\$&')}%` });
    return paginate(query as never, page, sortColumn as never) as ReturnType<typeof paginate<T>>;
  }

  async get(id: string): Promise<T> {
    const row = await this.dataSource.getRepository(this.entity).findOneBy({ id } as never);
    if (!row) throw notFound(`${this.label} ${id}`);
    return row;
  }

  byIds(ids: readonly string[]): Promise<T[]> {
    return this.dataSource.getRepository(this.entity).findBy({ id: In([...ids]) } as never);
  }

  /** The row to change (by id) or a new one. */
  getOrCreate(id: string | undefined): Promise<T> {
    return id ? this.get(id) : Promise.resolve(this.dataSource.getRepository(this.entity).create());
  }
}
