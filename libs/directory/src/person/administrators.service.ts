import { Injectable } from '@nestjs/common';
import { AuthSession } from '@peervisit/platform/entities';
import { conflict, CurrentUser, isUuid, notFound, PageArgs, paginate, SessionStore } from '@peervisit/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { SessionService, SessionView } from '../auth/session.service';
import { AdminRightsChange } from './admin-rights-change.entity';
import { Person } from './person.entity';

/** Every change of anyone's admin flag takes this lock before counting who stays an administrator. */
const ADMINS_LOCK = 'directory:administrators';

/**
 * The network secretariat's own rights: who is an administrator, making someone one or removing
 * the rights (whichever mutation does it: setAdministrator, createPerson, updatePerson), and the
 * sessions of a person as an administrator sees them.
 */
@Injectable()
export class AdministratorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly sessionStore: SessionStore,
  ) {}

  /** The administrators, by name. */
  list(): Promise<Person[]> {
    return this.dataSource.getRepository(Person).find({ where: { isAdmin: true }, order: { fullName: 'ASC', id: 'ASC' } });
  }

  /** Makes a person an administrator, or removes the rights; the network always keeps one. */
  async set(actor: CurrentUser, personId: string, isAdmin: boolean): Promise<Person> {
    const { person, ended } = await this.dataSource.transaction(async (manager) => {
      const person = isUuid(personId)
        ? await manager.findOne(Person, { where: { id: personId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!person) throw notFound(`Person ${personId}`);
      if (person.isAdmin === isAdmin) return { person, ended: [] as string[] };
      person.isAdmin = isAdmin;
      const saved = await manager.save(person);
      return { person: saved, ended: await this.changed(manager, actor.personId, saved, !isAdmin) };
    });
    await this.sessions.forget(ended);
    return person;
  }

  /**
   * The rules of a change of the admin flag, in the transaction that saved it: at least one
   * administrator remains (else CONFLICT, and the transaction rolls back), the change is recorded
   * with who made it, and a person who lost the rights has every session ended, because access
   * tokens carry the flag. Answers the sessions ended: pass them to SessionService.forget after commit.
   */
  async changed(manager: EntityManager, actorId: string | null, person: Person, wasAdmin: boolean): Promise<string[]> {
    if (person.isAdmin === wasAdmin) return [];
    // Serialises changes of the flag, so two administrators removing each other cannot both succeed:
    // the count below runs after the previous change committed.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ADMINS_LOCK]);
    if (!person.isAdmin) {
      const [{ others }] = await manager.query('SELECT count(*)::int AS others FROM person WHERE is_admin AND id <> $1', [person.id]);
      if (others === 0)
        throw conflict(
          actorId === person.id
            ? 'You are the last administrator: make someone else an administrator first, so that the network keeps one.'
            : `${person.fullName} is the last administrator: make someone else an administrator first, so that the network keeps one.`,
        );
    }
    await manager.insert(AdminRightsChange, { personId: person.id, granted: person.isAdmin, changedById: actorId });
    return person.isAdmin ? [] : this.sessions.endAll(manager, person.id, 'admin rights removed');
  }

  /** Who was made an administrator or stopped being one, the latest first; of one person when given. */
  history(personId: string | undefined, page: PageArgs) {
    const query = this.dataSource.getRepository(AdminRightsChange).createQueryBuilder('change');
    if (personId) query.where('change.personId = :personId', { personId });
    return paginate(query, page, 'at', 'DESC');
  }

  peopleByIds(ids: readonly string[]): Promise<Person[]> {
    return this.dataSource.getRepository(Person).findBy({ id: In([...ids]) });
  }

  /** A person's sessions that can still be used, the most recently used first (`current` when it is the caller's own). */
  async sessionsOf(admin: CurrentUser, personId: string): Promise<SessionView[]> {
    const person = isUuid(personId) ? await this.dataSource.getRepository(Person).findOneBy({ id: personId }) : null;
    if (!person) throw notFound(`Person ${personId}`);
    return this.sessions.list({ ...admin, personId: person.id });
  }

  /** Ends one session of anyone's (a lost laptop, someone who left): its tokens stop working at once. */
  async endSession(sessionId: string): Promise<boolean> {
    const session = isUuid(sessionId) ? await this.dataSource.getRepository(AuthSession).findOneBy({ id: sessionId }) : null;
    if (!session) throw notFound(`Session ${sessionId}`);
    await this.sessionStore.revokeNow({ personId: session.personId, ids: [session.id] }, 'ended by an administrator');
    return true;
  }
}
