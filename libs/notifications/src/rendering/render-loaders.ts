import { City, Person, Stakeholder } from '@peervisit/directory/entities';
import { isUuid } from '@peervisit/platform';
import { Review, SessionAssignment, VisitSession } from '@peervisit/review/entities';
import DataLoader from 'dataloader';
import { DataSource, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';

/**
 * The reads of the messages rendered at the same time, one statement per kind of read. The jobs of a
 * burst come out of one claim together (OutboxSender), so their renders ask for their recipients,
 * review, session and city in the same turn of the event loop. Nothing is cached from one batch to
 * the next: each message reads what is true when it goes out. A key PostgreSQL would refuse (not a
 * uuid) is read alone, so that its error stays that message's own.
 */
export class RenderLoaders {
  readonly person: DataLoader<string, Person | null>;
  readonly review: DataLoader<string, Review | null>;
  readonly session: DataLoader<string, VisitSession | null>;
  readonly city: DataLoader<string, City | null>;
  /** Key: `${sessionId} ${personId}`. */
  readonly assignment: DataLoader<string, SessionAssignment | null>;
  /** The stakeholders met in a session. */
  readonly stakeholders: DataLoader<string, Stakeholder[]>;

  constructor(private readonly dataSource: DataSource) {
    this.person = this.byId(Person);
    this.review = this.byId(Review);
    this.session = this.byId(VisitSession);
    this.city = this.byId(City);
    this.assignment = this.batch(
      (key) => key.split(' ').every(isUuid),
      async (keys) => {
        const pairs = keys.map((key) => key.split(' '));
        const rows = await this.dataSource
          .getRepository(SessionAssignment)
          .findBy(pairs.map(([sessionId, personId]) => ({ sessionId, personId })));
        const byKey = new Map(rows.map((row) => [`${row.sessionId} ${row.personId}`, row]));
        return keys.map((key) => byKey.get(key) ?? null);
      },
      (key) => {
        const [sessionId, personId] = key.split(' ');
        return this.dataSource.getRepository(SessionAssignment).findOneBy({ sessionId, personId });
      },
    );
    this.stakeholders = this.batch(
      isUuid,
      async (sessionIds) => {
        const links: { session_id: string; stakeholder_id: string }[] = await this.dataSource.query(
          'SELECT session_id, stakeholder_id FROM session_stakeholder WHERE session_id = ANY($1::uuid[])',
          [sessionIds],
        );
        const stakeholders = links.length
          ? await this.dataSource.getRepository(Stakeholder).findBy({ id: In([...new Set(links.map((l) => l.stakeholder_id))]) })
          : [];
        const byId = new Map(stakeholders.map((s) => [s.id, s]));
        return sessionIds.map((id) =>
          links.filter((l) => l.session_id === id && byId.has(l.stakeholder_id)).map((l) => byId.get(l.stakeholder_id) as Stakeholder),
        );
      },
      (sessionId) =>
        this.dataSource
          .getRepository(Stakeholder)
          .createQueryBuilder('s')
          .innerJoin('session_stakeholder', 'x', 'x.stakeholder_id = s.id')
          .where('x.session_id = :id', { id: sessionId })
          .getMany(),
    );
  }

  private byId<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): DataLoader<string, T | null> {
    const repository = () => this.dataSource.getRepository(entity);
    return this.batch(
      isUuid,
      async (ids) => {
        const rows = await repository().findBy({ id: In([...new Set(ids)]) } as FindOptionsWhere<T>);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      (id) => repository().findOneBy({ id } as FindOptionsWhere<T>),
    );
  }

  /** Valid keys in one batch; the others one by one, each with its own outcome. */
  private batch<V>(
    valid: (key: string) => boolean,
    many: (keys: string[]) => Promise<V[]>,
    one: (key: string) => Promise<V>,
  ): DataLoader<string, V> {
    return new DataLoader<string, V>(
      async (keys) => {
        const good = keys.filter(valid);
        const found = good.length ? await many(good) : [];
        const byKey = new Map(good.map((key, i) => [key, found[i]]));
        return Promise.all(keys.map((key) => (valid(key) ? (byKey.get(key) as V) : one(key).catch((error: Error) => error))));
      },
      { cache: false },
    );
  }
}
