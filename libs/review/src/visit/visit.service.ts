import { Injectable } from '@nestjs/common';
import { City, Person, Stakeholder } from '@peervisit/directory/entities';
import {
  assertNoProblems,
  badInput,
  conflict,
  CurrentUser,
  GraphqlContext,
  invalidTransition,
  notFound,
  Problem,
} from '@peervisit/platform';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { reviewLoaders } from '../review/review-loaders';
import { ReviewService } from '../review/review.service';
import { formatInZone, parseInZone } from '../review/zoned-time';
import { ReviewRole, TeamMember } from '../team/team-member.entity';
import { SessionAssignment, SessionStakeholder, VisitSession } from './visit-session.entity';
import { VisitSessionInput } from './visit.inputs';

const ON_THE_TEAM = [ReviewRole.EXPERT_LEADER, ReviewRole.PEER, ReviewRole.OBSERVER];

export interface ProgrammeDay {
  date: string;
  sessions: VisitSession[];
}

/** The visit programme: sessions, who of the team goes, whom they meet; no one in two places at once. */
@Injectable()
export class VisitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly reviews: ReviewService,
    private readonly changes: ReviewChanges,
  ) {}

  async schedule(user: CurrentUser, reviewId: string, input: VisitSessionInput): Promise<VisitSession> {
    await this.access.require(user, reviewId, 'programme.manage');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.plannableReview(manager, reviewId);
      const session = manager.create(VisitSession, { reviewId, createdById: user.personId });
      const planned = await this.apply(manager, review, session, input);
      const saved = await manager.save(planned.session);
      await this.replaceParticipants(manager, saved.id, planned);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'programme.schedule',
        entityType: 'VisitSession',
        entityId: saved.id,
        after: { ...saved, ...planned.participants },
      });
      return saved;
    });
  }

  async update(user: CurrentUser, sessionId: string, input: VisitSessionInput, expectedVersion?: number): Promise<VisitSession> {
    const existing = await this.sessionOrFail(sessionId);
    await this.access.require(user, existing.reviewId, 'programme.manage');
    return this.changes.transaction(this.dataSource, existing.reviewId, async (manager) => {
      const review = await this.plannableReview(manager, existing.reviewId);
      const session = await manager.findOneOrFail(VisitSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (session.cancelledAt) throw invalidTransition('This session was cancelled; schedule a new one instead.');
      if (expectedVersion != null && session.version !== expectedVersion) {
        throw conflict(
          `Someone changed "${session.title}" after you opened it (your version ${expectedVersion}, now ${session.version}). Reload it, then save again.`,
        );
      }
      const before = { ...session, ...(await this.participantsOf(manager, sessionId)) };
      const planned = await this.apply(manager, review, session, input);
      planned.session.version += 1;
      const saved = await manager.save(planned.session);
      await this.replaceParticipants(manager, saved.id, planned);
      await this.audit.record(manager, {
        reviewId: review.id,
        actorId: user.personId,
        action: 'programme.update',
        entityType: 'VisitSession',
        entityId: saved.id,
        before,
        after: { ...saved, ...planned.participants },
      });
      return saved;
    });
  }

  async cancel(user: CurrentUser, sessionId: string, reason: string): Promise<VisitSession> {
    const existing = await this.sessionOrFail(sessionId);
    await this.access.require(user, existing.reviewId, 'programme.manage');
    if (!reason?.trim()) throw badInput('Say why the session is cancelled.', [{ path: 'reason', message: 'required' }]);
    return this.changes.transaction(this.dataSource, existing.reviewId, async (manager) => {
      const session = await manager.findOneOrFail(VisitSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (session.cancelledAt) return session;
      Object.assign(session, { cancelledAt: new Date(), cancellationReason: reason.trim(), version: session.version + 1 });
      const saved = await manager.save(session);
      await this.audit.record(manager, {
        reviewId: session.reviewId,
        actorId: user.personId,
        action: 'programme.cancel',
        entityType: 'VisitSession',
        entityId: session.id,
        after: { cancellationReason: saved.cancellationReason },
      });
      return saved;
    });
  }

  /**
   * The host city confirms (or takes back) that a stakeholder it invited will come to a session. Only
   * people the programme has at that session; not for a cancelled session.
   */
  async confirmAttendance(user: CurrentUser, sessionId: string, stakeholderId: string, confirmed: boolean): Promise<VisitSession> {
    const existing = await this.sessionOrFail(sessionId);
    await this.access.require(user, existing.reviewId, 'programme.confirmAttendance');
    return this.changes.transaction(this.dataSource, existing.reviewId, async (manager) => {
      const review = await manager.findOneByOrFail(Review, { id: existing.reviewId });
      assertAllowed(review, 'confirmAttendance');
      const session = await manager.findOneOrFail(VisitSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (session.cancelledAt) throw invalidTransition(`"${session.title}" was cancelled; nobody is expected at it.`);
      const link = await manager.findOne(SessionStakeholder, { where: { sessionId, stakeholderId }, relations: { stakeholder: true } });
      if (!link) {
        throw badInput(`This person is not in the programme of "${session.title}"; ask the expert leader to add them to the session.`, [
          { path: 'stakeholderId', message: 'not expected at this session' },
        ]);
      }
      const before = { confirmedAt: link.confirmedAt };
      if (confirmed === !!link.confirmedAt) return session;
      Object.assign(
        link,
        confirmed ? { confirmedAt: new Date(), confirmedById: user.personId } : { confirmedAt: null, confirmedById: null },
      );
      await manager.save(link);
      await this.audit.record(manager, {
        reviewId: session.reviewId,
        actorId: user.personId,
        action: confirmed ? 'programme.confirmAttendance' : 'programme.unconfirmAttendance',
        entityType: 'VisitSession',
        entityId: session.id,
        before,
        after: { stakeholderId, confirmedAt: link.confirmedAt },
      });
      return session;
    });
  }

  /** Sessions by day (in the host city's time zone), and the key factors in scope no session covers yet. */
  async programme(
    user: CurrentUser,
    reviewId: string,
    ctx?: GraphqlContext,
  ): Promise<{ timeZone: string; days: ProgrammeDay[]; uncoveredKeyFactorIds: string[] }> {
    // With the request's context, the roles, the review and its city come from the request's loaders,
    // which the other fields of a query (the review itself, the team) have usually filled already.
    await this.access.require(user, reviewId, 'programme.read', ctx);
    const loaders = ctx && reviewLoaders(ctx, this.dataSource);
    const review = loaders ? await loaders.review.load(reviewId) : await this.access.reviewOrFail(reviewId);
    if (!review) throw notFound(`Review ${reviewId}`);
    const city = loaders
      ? await loaders.city.load(review.hostCityId)
      : await this.dataSource.getRepository(City).findOneBy({ id: review.hostCityId });
    if (!city) throw notFound(`City ${review.hostCityId}`);
    const sessions = await this.dataSource
      .getRepository(VisitSession)
      .find({ where: { reviewId, cancelledAt: IsNull() }, order: { startsAt: 'ASC', title: 'ASC' } });
    const days = new Map<string, VisitSession[]>();
    for (const session of sessions) {
      const date = formatInZone(session.startsAt, city.timeZone).slice(0, 10);
      days.set(date, [...(days.get(date) ?? []), session]);
    }
    const covered = new Set(sessions.flatMap((s) => s.keyFactorIds));
    const inScope = loaders ? await loaders.keyFactorsInScope(review) : await this.reviews.keyFactorsInScope(review);
    return {
      timeZone: city.timeZone,
      days: [...days].map(([date, list]) => ({ date, sessions: list })),
      uncoveredKeyFactorIds: inScope.filter((k) => !covered.has(k.id)).map((k) => k.id),
    };
  }

  assignmentsOf(sessionIds: readonly string[]): Promise<SessionAssignment[]> {
    return this.dataSource.getRepository(SessionAssignment).findBy({ sessionId: In([...sessionIds]) });
  }

  async stakeholdersOf(sessionIds: readonly string[]): Promise<(SessionStakeholder & { stakeholder: Stakeholder })[]> {
    return this.dataSource
      .getRepository(SessionStakeholder)
      .find({ where: { sessionId: In([...sessionIds]) }, relations: { stakeholder: true } }) as never;
  }

  async sessionOrFail(sessionId: string): Promise<VisitSession> {
    const session = await this.dataSource.getRepository(VisitSession).findOneBy({ id: sessionId });
    if (!session) throw notFound(`Visit session ${sessionId}`);
    return session;
  }

  private async plannableReview(manager: EntityManager, reviewId: string): Promise<Review> {
    // One programme change at a time per review, so two double-bookings cannot both pass the check.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`programme:${reviewId}`]);
    const review = await manager.findOneBy(Review, { id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    assertAllowed(review, 'changeProgramme');
    return review;
  }

  /** Validates the input against the review and the rest of the programme; returns the session to save. */
  private async apply(manager: EntityManager, review: Review, session: VisitSession, input: VisitSessionInput) {
    const problems: Problem[] = [];
    const city = await manager.findOneByOrFail(City, { id: review.hostCityId });
    const tz = city.timeZone;
    if (!input.title?.trim()) problems.push({ path: 'title', message: 'must not be empty' });
    const start = parseInZone(input.start ?? '', tz);
    const end = parseInZone(input.end ?? '', tz);
    if (!start) problems.push({ path: 'start', message: `"${input.start}" is not a time; write e.g. 2027-03-10T09:00 (time in ${tz})` });
    if (!end) problems.push({ path: 'end', message: `"${input.end}" is not a time; write e.g. 2027-03-10T10:30 (time in ${tz})` });
    if (start && end && end <= start) problems.push({ path: 'end', message: 'must be after the start' });
    if (start && end && end > start) {
      if (!review.visitStartsAt || !review.visitEndsAt)
        problems.push({ path: 'start', message: 'set the visit start and end in the review timeline first' });
      else if (start < review.visitStartsAt || end > review.visitEndsAt) {
        problems.push({
          path: 'start',
          message: `the session (${formatInZone(start, tz)} to ${formatInZone(end, tz)}) is outside the visit window (${formatInZone(review.visitStartsAt, tz)} to ${formatInZone(review.visitEndsAt, tz)})`,
        });
      }
    }
    const inScope = new Set((await this.reviews.keyFactorsInScope(review, manager)).map((k) => k.id));
    const keyFactorIds = [...new Set(input.keyFactorIds ?? [])];
    const outOfScope = keyFactorIds.filter((id) => !inScope.has(id));
    if (outOfScope.length)
      problems.push({ path: 'keyFactorIds', message: `not key factors in the review's scope: ${outOfScope.join(', ')}` });

    const assignments = input.assignments ?? [];
    const members = await manager.findBy(TeamMember, {
      reviewId: review.id,
      removedAt: IsNull(),
      personId: In(assignments.map((a) => a.personId).concat('00000000-0000-0000-0000-000000000000')),
    });
    assignments.forEach((a, i) => {
      const member = members.find((m) => m.personId === a.personId);
      if (!member || !ON_THE_TEAM.includes(member.role))
        problems.push({ path: `assignments[${i}].personId`, message: 'not the expert leader, a peer or an observer of this review' });
    });
    if (new Set(assignments.map((a) => a.personId)).size !== assignments.length)
      problems.push({ path: 'assignments', message: 'a person is listed twice' });
    const stakeholderIds = [...new Set(input.stakeholderIds ?? [])];
    const stakeholders = stakeholderIds.length ? await manager.findBy(Stakeholder, { id: In(stakeholderIds) }) : [];
    stakeholderIds.forEach((id) => {
      const stakeholder = stakeholders.find((s) => s.id === id);
      if (!stakeholder || stakeholder.cityId !== review.hostCityId)
        problems.push({ path: 'stakeholderIds', message: `${id} is not a stakeholder of ${city.name}` });
    });
    assertNoProblems(problems, 'The session was not saved');

    await this.refuseDoubleBooking(
      manager,
      session.id,
      start!,
      end!,
      assignments.map((a) => a.personId),
      stakeholderIds,
      tz,
    );
    Object.assign(session, {
      kind: input.kind,
      title: input.title.trim(),
      startsAt: start,
      endsAt: end,
      location: input.location?.trim() || null,
      keyFactorIds,
    });
    return { session, participants: { assignments, stakeholderIds } };
  }

  private async refuseDoubleBooking(
    manager: EntityManager,
    sessionId: string | undefined,
    start: Date,
    end: Date,
    personIds: string[],
    stakeholderIds: string[],
    tz: string,
  ) {
    const overlapping = (table: string, column: string, ids: string[]) =>
      ids.length
        ? manager.query(
            `SELECT x.${column} AS who, s.title, s.starts_at, s.ends_at FROM ${table} x JOIN visit_session s ON s.id = x.session_id
             WHERE x.${column} = ANY($1) AND s.cancelled_at IS NULL AND s.starts_at < $3 AND s.ends_at > $2 AND ($4::uuid IS NULL OR s.id <> $4)
             ORDER BY s.starts_at LIMIT 5`,
            [ids, start, end, sessionId ?? null],
          )
        : Promise.resolve([]);
    const people: { who: string; title: string; starts_at: Date; ends_at: Date }[] = await overlapping(
      'session_assignment',
      'person_id',
      personIds,
    );
    const met: { who: string; title: string; starts_at: Date; ends_at: Date }[] = await overlapping(
      'session_stakeholder',
      'stakeholder_id',
      stakeholderIds,
    );
    if (!people.length && !met.length) return;
    const when = (a: Date, b: Date) => `${formatInZone(a, tz).slice(0, 16).replace('T', ' ')}–${formatInZone(b, tz).slice(11, 16)}`;
    const names = new Map<string, string>();
    for (const p of people.length ? await manager.findBy(Person, { id: In(people.map((p) => p.who)) }) : []) names.set(p.id, p.fullName);
    for (const s of met.length ? await manager.findBy(Stakeholder, { id: In(met.map((m) => m.who)) }) : [])
      names.set(s.id, s.name ?? s.position ?? 'a stakeholder');
    const clash = [...people, ...met].map((c) => `${names.get(c.who)} is already in "${c.title}" (${when(c.starts_at, c.ends_at)})`);
    throw conflict(`Double booking: ${clash.join('; ')}, which overlaps this session (${when(start, end)}).`);
  }

  private async replaceParticipants(
    manager: EntityManager,
    sessionId: string,
    planned: { participants: { assignments: { personId: string; part: string }[]; stakeholderIds: string[] } },
  ) {
    await manager.delete(SessionAssignment, { sessionId });
    await manager.delete(SessionStakeholder, { sessionId });
    if (planned.participants.assignments.length) {
      await manager.insert(
        SessionAssignment,
        planned.participants.assignments.map((a) => ({ sessionId, personId: a.personId, part: a.part as never })),
      );
    }
    if (planned.participants.stakeholderIds.length) {
      await manager.insert(
        SessionStakeholder,
        planned.participants.stakeholderIds.map((stakeholderId) => ({ sessionId, stakeholderId })),
      );
    }
  }

  private async participantsOf(manager: EntityManager, sessionId: string) {
    const assignments = await manager.findBy(SessionAssignment, { sessionId });
    const stakeholders = await manager.findBy(SessionStakeholder, { sessionId });
    return {
      assignments: assignments.map((a) => ({ personId: a.personId, part: a.part })),
      stakeholderIds: stakeholders.map((s) => s.stakeholderId),
    };
  }
}
