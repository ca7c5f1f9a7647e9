import { Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import {
  AppError,
  assertNoProblems,
  badInput,
  conflict,
  anyLanguageTsQuery,
  Connection,
  CurrentUser,
  DomainEventBus,
  ErrorCode,
  forbidden,
  GraphqlContext,
  invalidTransition,
  isUuid,
  notFound,
  paginate,
  Problem,
} from '@peervisit/platform';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { QuoteShown } from '../anonymisation/quote-rule';
import { AuditLog, snapshot } from '../audit/audit-log.service';
import { Review } from '../review/review.entity';
import { reviewLoaders } from '../review/review-loaders';
import { ReviewService } from '../review/review.service';
import { ReviewRole } from '../team/team-member.entity';
import { Evidence, EVIDENCE_SEARCH_VECTOR, EvidenceRevision, EvidenceSource, EvidenceStance } from './evidence.entity';
import { EvidenceInput, EvidenceListArgs, EvidencePatch } from './evidence.inputs';
import {
  batchRulesWhere,
  checkRules,
  EVIDENCE_RULES,
  FACTS_SELECT,
  factsSelect,
  FactsRow,
  factsOf,
  inputHolds,
  LoggingCaller,
  LoggingFacts,
  rulesWhere,
} from './evidence-rules';

export enum LogOutcome {
  CREATED = 'CREATED',
  ALREADY_THERE = 'ALREADY_THERE',
  CONFLICT = 'CONFLICT',
  INVALID = 'INVALID',
}

export interface LogResult {
  id: string;
  outcome: LogOutcome;
  evidence: Evidence | null;
  message: string | null;
  problems: Problem[];
}

export interface KeyFactorCoverage {
  keyFactor: KeyFactor;
  total: number;
  bySource: { source: EvidenceSource; count: number }[];
  byStance: { stance: EvidenceStance; count: number }[];
  lacksInterviewOrFocusGroup: boolean;
}

/** Content that decides whether a second log with the same id is the same item. */
const contentOf = (
  e: Pick<
    Evidence,
    'source' | 'sessionId' | 'documentId' | 'stakeholderCategory' | 'keyFactorIds' | 'statement' | 'quote' | 'stance' | 'paraphrase'
  > & { quotedStakeholderId?: string | null },
) => ({
  source: e.source,
  sessionId: e.sessionId ?? null,
  documentId: e.documentId ?? null,
  stakeholderCategory: e.stakeholderCategory ?? null,
  keyFactorIds: [...e.keyFactorIds].sort(),
  statement: e.statement,
  quote: e.quote ?? null,
  quotedStakeholderId: e.quotedStakeholderId ?? null,
  paraphrase: e.paraphrase ?? null,
  stance: e.stance,
});

/** The input with its ids in lower case (the form PostgreSQL returns uuids in). */
function lowerCaseIds(input: EvidenceInput): EvidenceInput {
  const lower = (v: string | null | undefined) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
  return {
    ...input,
    id: lower(input.id) as string,
    sessionId: lower(input.sessionId) ?? undefined,
    documentId: lower(input.documentId) ?? undefined,
    quotedStakeholderId: lower(input.quotedStakeholderId) ?? undefined,
    keyFactorIds: (input.keyFactorIds ?? []).map((k) => k.trim().toLowerCase()),
  };
}

/** Evidence: logging (idempotent by client id), batches, revisions, retraction, search, coverage. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly reviews: ReviewService,
    private readonly events: DomainEventBus,
    private readonly anonymisation: AnonymisationService,
  ) {}

  async log(user: CurrentUser, reviewId: string, input: EvidenceInput): Promise<LogResult> {
    const result = await this.logOne(user, reviewId, input, true);
    if (result.outcome === LogOutcome.INVALID) throw badInput(result.message as string, result.problems);
    if (result.outcome === LogOutcome.CONFLICT) throw conflict(result.message as string);
    return result;
  }

  /**
   * Many items at once (a phone syncing after being offline). Each item is stored or refused on its
   * own: valid items are kept even when others in the batch are not.
   */
  async logBatch(user: CurrentUser, rawReviewId: string, items: EvidenceInput[]): Promise<LogResult[]> {
    await this.access.require(user, rawReviewId, 'evidence.log');
    if (items.length > 500) throw badInput('Send at most 500 items in one batch.', [{ path: 'items', message: `${items.length} items` }]);
    if (!items.length) return [];
    const reviewId = rawReviewId.trim().toLowerCase();
    // The caller's roles were checked above, for the whole batch.
    const inputs = items.map(lowerCaseIds);
    const caller: LoggingCaller = {
      user,
      reviewId,
      checkRoles: false,
      access: this.access,
      quotable: await this.quotable(reviewId, inputs),
    };
    const candidates = inputs.map((input) =>
      isUuid(reviewId) && this.writable(input, caller) ? this.newEvidence(user, reviewId, input.id, input) : null,
    );
    const rows = isUuid(reviewId) ? await this.insertBatchIfAllowed(candidates, inputs, caller) : null;
    const created = new Set<string>();
    const results = inputs.map((input, i): LogResult | { pending: true; evidence: Evidence } => {
      const evidence = candidates[i];
      const row = rows?.[i];
      try {
        // The first allowed item of an id the statement inserted is the one stored (ORDER BY in the INSERT).
        if (evidence && row?.allowed && row.recorded_at && !created.has(evidence.id)) {
          created.add(evidence.id);
          evidence.recordedAt = row.recorded_at;
          if (row.working_language) evidence.language = row.working_language;
          return { id: evidence.id, outcome: LogOutcome.CREATED, evidence, message: null, problems: [] };
        }
        const facts = row ? factsOf(row) : { status: null, roles: [], scope: new Set<string>(), sessionKind: null, documentFound: false };
        assertNoProblems(checkRules(facts, input, caller), 'The evidence was not logged');
        if (!evidence) throw new Error(`Evidence ${input.id} passes the logging rules but was not written: the two disagree.`);
        // The rules pass, so the id was taken: compared with what is stored, below.
        return { pending: true, evidence };
      } catch (error) {
        if (!(error instanceof AppError) || error.code === ErrorCode.FORBIDDEN) throw error;
        const outcome = error.code === ErrorCode.CONFLICT ? LogOutcome.CONFLICT : LogOutcome.INVALID;
        return { id: input.id, outcome, evidence: null, message: error.message, problems: error.details.problems ?? [] };
      }
    });
    const taken = results.flatMap((r) => ('pending' in r ? [r.evidence.id] : []));
    const stored = taken.length ? await this.dataSource.getRepository(Evidence).findBy({ id: In([...new Set(taken)]) }) : [];
    const answers = results.map((r): LogResult => {
      if (!('pending' in r)) return r;
      const { evidence } = r;
      const existing = stored.find((e) => e.id === evidence.id);
      if (!existing)
        throw new Error(`Evidence ${evidence.id} passes the logging rules but the guarded INSERT refused it: the two disagree.`);
      if (existing.reviewId !== reviewId || !isDeepStrictEqual(contentOf(existing), contentOf(evidence))) {
        const message = `Evidence ${evidence.id} already exists with different content. To change it, edit it (editEvidence); to log something new, use a new id.`;
        return { id: evidence.id, outcome: LogOutcome.CONFLICT, evidence: null, message, problems: [] };
      }
      return { id: evidence.id, outcome: LogOutcome.ALREADY_THERE, evidence: existing, message: null, problems: [] };
    });
    // One statement, already committed: the events have no transaction to ride on. One per item stored, as for
    // single logs, sent together (one Redis connection keeps their order) rather than one round trip after another.
    await Promise.all(
      answers.flatMap((a) => (a.outcome === LogOutcome.CREATED ? [this.publish(this.dataSource.manager, a.evidence!)] : [])),
    );
    return answers;
  }

  /**
   * A batch in one statement, with the rules of insertIfAllowed: every item is a row of one recordset
   * (the items as JSON: unnest cannot carry an array per item), each row's facts are read as for one
   * item, and the items whose facts allow it (batchRulesWhere: the same rules' SQL) are inserted in
   * their order, an id already there or earlier in the batch being skipped, with an audit entry each.
   * Answers each item's facts, whether the rules allowed it, and the recordedAt of its id when this
   * statement inserted it. `candidates` holds null for an item that is not written (input the rules
   * refuse whatever the database holds): its facts are still read, to say what is wrong. The items of
   * a batch share one recordedAt, cut to the millisecond that list cursors carry, so that the list
   * pages through them by id (a cursor of .123 ms would skip rows stored at .123456).
   */
  private async insertBatchIfAllowed(
    candidates: (Evidence | null)[],
    inputs: EvidenceInput[],
    caller: LoggingCaller,
  ): Promise<(FactsRow & { allowed: boolean; recorded_at: Date | null })[]> {
    const uuidOrNull = (value?: string | null) => (isUuid(value) ? value : null);
    const rules = batchRulesWhere(
      EVIDENCE_RULES,
      candidates.map((c, i) => (c ? inputs[i] : null)),
      caller,
    );
    const batch = candidates.map((evidence, i) => {
      const row: Record<string, unknown> = {
        i,
        session_id: uuidOrNull(inputs[i].sessionId),
        document_id: uuidOrNull(inputs[i].documentId),
        ...Object.fromEntries(rules.columns.map((c, k) => [c.name, rules.values[i][k] ?? null])),
      };
      if (!evidence) return row;
      const { recordedAt: _unknownYet, ...after } = evidence;
      return {
        ...row,
        id: evidence.id,
        source: evidence.source,
        stakeholder_category: evidence.stakeholderCategory,
        key_factor_ids: evidence.keyFactorIds,
        statement: evidence.statement,
        quote: evidence.quote,
        quoted_stakeholder_id: evidence.quotedStakeholderId,
        paraphrase: evidence.paraphrase,
        stance: evidence.stance,
        observed_at: evidence.observedAt.toISOString(),
        after: snapshot(after),
      };
    });
    const columns = [
      'i int',
      'id uuid',
      'source evidence_source',
      'session_id uuid',
      'document_id uuid',
      'stakeholder_category stakeholder_category',
      'key_factor_ids uuid[]',
      'statement text',
      'quote text',
      'quoted_stakeholder_id uuid',
      'paraphrase text',
      'stance evidence_stance',
      'observed_at timestamptz',
      'after jsonb',
      ...rules.columns.map((c) => `${c.name} ${c.type}`),
    ];
    const facts = factsSelect({ review: '$1::uuid', session: 'x.session_id', document: 'x.document_id', person: '$2::uuid' });
    return this.dataSource.query(
      `WITH x AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(${columns.join(', ')})),
       checked AS (
         SELECT x.i, x.id, f.*, (x.id IS NOT NULL AND ${rules.where}) IS TRUE AS allowed
           FROM x CROSS JOIN LATERAL (${facts}) f
       ),
       inserted AS (
         INSERT INTO evidence (id, review_id, source, session_id, document_id, stakeholder_category, key_factor_ids, statement, quote, quoted_stakeholder_id, paraphrase, stance, logged_by_id, observed_at, recorded_at, language)
         SELECT x.id, $1::uuid, x.source, x.session_id, x.document_id, x.stakeholder_category, x.key_factor_ids, x.statement, x.quote, x.quoted_stakeholder_id, x.paraphrase, x.stance, $2::uuid, x.observed_at,
                date_trunc('milliseconds', now()), c.working_language
           FROM x JOIN checked c ON c.i = x.i
          WHERE c.allowed
          ORDER BY x.i
         ON CONFLICT (id) DO NOTHING
         RETURNING id, review_id, recorded_at
       ), audit AS (
         INSERT INTO audit_entry (review_id, actor_id, action, entity_type, entity_id, after)
         SELECT DISTINCT ON (n.id) n.review_id, $2::uuid, 'evidence.log', 'Evidence', n.id,
                x.after || jsonb_build_object('recordedAt', to_char(n.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           FROM inserted n JOIN checked c ON c.id = n.id AND c.allowed JOIN x ON x.i = c.i
          ORDER BY n.id, c.i
       )
       SELECT c.status, c.working_language, c.roles, c.scope, c.session_kind, c.document_found, c.allowed, n.recorded_at
         FROM checked c LEFT JOIN inserted n ON n.id = c.id
        ORDER BY c.i`,
      [caller.reviewId, caller.user.personId, JSON.stringify(batch)],
    );
  }

  /**
   * Logging is the hot path (every peer's phone during the visit), so a valid item costs one
   * statement (insertIfAllowed): it reads every fact the rules need, the caller's roles included, and
   * inserts the item with its audit entry only when those facts allow it (one statement is atomic, so
   * no transaction is needed). When nothing was inserted, the facts it read say why, through the same
   * rules' TypeScript checks (evidence-rules.ts: each rule's SQL and check side by side, in order: roles
   * when `checkRoles`, the review's status, then the input). Only a retried id costs a second
   * statement, to compare with what is stored. Input that is wrong whatever the database holds only
   * reads the facts, to report every problem at once.
   */
  private async logOne(user: CurrentUser, rawReviewId: string, rawInput: EvidenceInput, checkRoles: boolean): Promise<LogResult> {
    // UUIDs are compared as text in the rules and as uuid in SQL: one case for both, so that a retry
    // of an item sent with upper-case ids matches what was stored.
    const reviewId = rawReviewId.trim().toLowerCase();
    const input = lowerCaseIds(rawInput);
    const id = input.id;
    try {
      const caller: LoggingCaller = { user, reviewId, checkRoles, access: this.access, quotable: await this.quotable(reviewId, [input]) };
      const evidence = isUuid(reviewId) && this.writable(input, caller) ? this.newEvidence(user, reviewId, id, input) : null;
      const { facts, recordedAt } = evidence
        ? await this.insertIfAllowed(evidence, input, caller)
        : { facts: await this.loggingFacts(this.dataSource.manager, reviewId, input, user.personId), recordedAt: null };
      if (evidence && recordedAt) {
        evidence.recordedAt = recordedAt;
        // One statement, already committed: the event has no transaction to ride on.
        await this.publish(this.dataSource.manager, evidence);
        return { id, outcome: LogOutcome.CREATED, evidence, message: null, problems: [] };
      }
      assertNoProblems(checkRules(facts, input, caller), 'The evidence was not logged');
      // The rules pass, so the INSERT found the id taken.
      const stored = evidence && (await this.dataSource.getRepository(Evidence).findOneBy({ id }));
      if (!evidence || !stored)
        throw new Error(`Evidence ${id} passes the logging rules but the guarded INSERT refused it: the two disagree.`);
      if (stored.reviewId !== reviewId || !isDeepStrictEqual(contentOf(stored), contentOf(evidence))) {
        throw conflict(
          `Evidence ${id} already exists with different content. To change it, edit it (editEvidence); to log something new, use a new id.`,
        );
      }
      return { id, outcome: LogOutcome.ALREADY_THERE, evidence: stored, message: null, problems: [] };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const outcome = error.code === ErrorCode.CONFLICT ? LogOutcome.CONFLICT : LogOutcome.INVALID;
      if (error.code === ErrorCode.FORBIDDEN) throw error;
      return { id: input.id, outcome, evidence: null, message: error.message, problems: error.details.problems ?? [] };
    }
  }

  /**
   * Whether the input could be stored in some review: it passes the rules on the input alone, and
   * every id in it is a UUID (they are bound as uuid parameters).
   */
  private writable(input: EvidenceInput, caller: LoggingCaller): boolean {
    const ids = [
      ...(input.keyFactorIds ?? []),
      ...(input.sessionId ? [input.sessionId] : []),
      ...(input.documentId ? [input.documentId] : []),
      ...(input.quotedStakeholderId ? [input.quotedStakeholderId] : []),
    ];
    return ids.every(isUuid) && inputHolds(input, caller);
  }

  private newEvidence(user: CurrentUser, reviewId: string, id: string, input: EvidenceInput): Evidence {
    return Object.assign(new Evidence(), {
      id,
      reviewId,
      source: input.source,
      sessionId: input.sessionId ?? null,
      documentId: input.documentId ?? null,
      stakeholderCategory: input.stakeholderCategory ?? null,
      keyFactorIds: [...new Set(input.keyFactorIds)],
      statement: input.statement.trim(),
      quote: input.quote?.trim() || null,
      quotedStakeholderId: input.quotedStakeholderId ?? null,
      paraphrase: input.paraphrase?.trim() || null,
      stance: input.stance,
      loggedById: user.personId,
      observedAt: input.observedAt ? new Date(input.observedAt) : new Date(),
      revision: 1,
      retractedAt: null,
      retractedById: null,
      retractionReason: null,
    });
  }

  /**
   * Reads the facts as loggingFacts() does and, in the same statement, inserts the item (unless its id
   * exists) with its audit entry, only when every rule's SQL condition holds on them (the WHERE is
   * built from EVIDENCE_RULES; writable() has checked the rules on the input alone). The audit
   * snapshot is the row as stored: recordedAt comes from the database clock, in the same ISO form the
   * other snapshots have.
   */
  private async insertIfAllowed(
    evidence: Evidence,
    input: EvidenceInput,
    caller: LoggingCaller,
  ): Promise<{ facts: LoggingFacts; recordedAt: Date | null }> {
    const { recordedAt: _unknownYet, ...after } = evidence;
    const { user } = caller;
    const params: unknown[] = [
      evidence.reviewId,
      evidence.sessionId,
      evidence.documentId,
      user.personId,
      evidence.id,
      evidence.source,
      evidence.stakeholderCategory,
      evidence.keyFactorIds,
      evidence.statement,
      evidence.quote,
      evidence.stance,
      evidence.observedAt,
      JSON.stringify(snapshot(after)),
      evidence.quotedStakeholderId,
      evidence.paraphrase,
    ];
    const where = rulesWhere(EVIDENCE_RULES, input, caller, params);
    const [row]: (FactsRow & { recorded_at: Date | null })[] = await this.dataSource.query(
      `WITH facts AS (${FACTS_SELECT}),
       inserted AS (
         INSERT INTO evidence (id, review_id, source, session_id, document_id, stakeholder_category, key_factor_ids, statement, quote, quoted_stakeholder_id, paraphrase, stance, logged_by_id, observed_at, language)
         SELECT $5::uuid, $1::uuid, $6::evidence_source, $2::uuid, $3::uuid, $7::stakeholder_category, $8::uuid[], $9::text, $10::text, $14::uuid, $15::text, $11::evidence_stance, $4::uuid, $12::timestamptz,
                f.working_language
           FROM facts f
          WHERE ${where}
         ON CONFLICT (id) DO NOTHING
         RETURNING id, review_id, recorded_at
       ), audit AS (
         INSERT INTO audit_entry (review_id, actor_id, action, entity_type, entity_id, after)
         SELECT review_id, $4::uuid, 'evidence.log', 'Evidence', id,
                $13::jsonb || jsonb_build_object('recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           FROM inserted
       )
       SELECT f.*, (SELECT recorded_at FROM inserted) AS recorded_at FROM facts f`,
      params,
    );
    if (row.working_language) evidence.language = row.working_language;
    return { facts: factsOf(row), recordedAt: row.recorded_at };
  }

  /** Changes the given fields, keeping what they were as a revision. Author or expert leader. */
  async edit(user: CurrentUser, evidenceId: string, patch: EvidencePatch, expectedRevision?: number): Promise<Evidence> {
    const existing = await this.evidenceOrFail(evidenceId);
    const roles = await this.access.require(user, existing.reviewId, 'evidence.log');
    this.requireAuthorOrLeader(user, roles, existing, 'edit');
    return this.dataSource.transaction(async (manager) => {
      const evidence = await manager.findOneOrFail(Evidence, { where: { id: evidenceId }, lock: { mode: 'pessimistic_write' } });
      if (evidence.retractedAt) throw invalidTransition('This evidence was retracted; log a new item instead.');
      if (expectedRevision != null && evidence.revision !== expectedRevision) {
        throw conflict(
          `Someone edited this evidence after you opened it (your revision ${expectedRevision}, now ${evidence.revision}). Reload it, then edit again.`,
        );
      }
      const next = {
        ...evidence,
        ...(patch.stakeholderCategory !== undefined ? { stakeholderCategory: patch.stakeholderCategory } : {}),
        ...(patch.keyFactorIds ? { keyFactorIds: [...new Set(patch.keyFactorIds.map((k) => k.trim().toLowerCase()))] } : {}),
        ...(patch.statement !== undefined && patch.statement !== null ? { statement: patch.statement.trim() } : {}),
        ...(patch.quote !== undefined ? { quote: patch.quote?.trim() || null } : {}),
        ...(patch.quotedStakeholderId !== undefined
          ? { quotedStakeholderId: patch.quotedStakeholderId?.trim().toLowerCase() || null }
          : {}),
        ...(patch.paraphrase !== undefined ? { paraphrase: patch.paraphrase?.trim() || null } : {}),
        ...(patch.stance ? { stance: patch.stance } : {}),
      };
      const edited = {
        id: evidence.id,
        source: next.source,
        sessionId: next.sessionId ?? undefined,
        documentId: next.documentId ?? undefined,
        keyFactorIds: next.keyFactorIds,
        statement: next.statement,
        quote: next.quote ?? undefined,
        quotedStakeholderId: next.quotedStakeholderId ?? undefined,
        paraphrase: next.paraphrase ?? undefined,
        stance: next.stance,
      };
      const facts = await this.loggingFacts(manager, existing.reviewId, edited);
      // The caller's roles were checked above (an edit needs more than the right to log).
      assertNoProblems(
        checkRules(facts, edited, {
          user,
          reviewId: existing.reviewId,
          checkRoles: false,
          access: this.access,
          quotable: await this.quotable(existing.reviewId, [edited]),
        }),
        'The evidence was not changed',
      );
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of [
        'stakeholderCategory',
        'keyFactorIds',
        'statement',
        'quote',
        'quotedStakeholderId',
        'paraphrase',
        'stance',
      ] as const) {
        if (!isDeepStrictEqual(evidence[field], next[field])) changes[field] = { from: evidence[field], to: next[field] };
      }
      if (!Object.keys(changes).length) return evidence;
      const revision = evidence.revision + 1;
      await manager.insert(EvidenceRevision, { evidenceId, revision, editedById: user.personId, changes: changes as never });
      Object.assign(evidence, next, { revision });
      const updated = await manager.save(evidence);
      await this.audit.record(manager, {
        reviewId: evidence.reviewId,
        actorId: user.personId,
        action: 'evidence.edit',
        entityType: 'Evidence',
        entityId: evidenceId,
        before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from])),
        after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
      });
      await this.publish(manager, updated);
      return updated;
    });
  }

  /** Hides the item from conclusions and reports, keeping it with the reason. Author or expert leader. */
  async retract(user: CurrentUser, evidenceId: string, reason: string): Promise<Evidence> {
    const existing = await this.evidenceOrFail(evidenceId);
    const roles = await this.access.require(user, existing.reviewId, 'evidence.log');
    this.requireAuthorOrLeader(user, roles, existing, 'retract');
    if (!reason?.trim()) throw badInput('Say why the evidence is retracted.', [{ path: 'reason', message: 'required' }]);
    return this.dataSource.transaction(async (manager) => {
      const evidence = await manager.findOneOrFail(Evidence, { where: { id: evidenceId }, lock: { mode: 'pessimistic_write' } });
      if (evidence.retractedAt) throw invalidTransition(`This evidence was already retracted on ${evidence.retractedAt.toISOString()}.`);
      Object.assign(evidence, { retractedAt: new Date(), retractedById: user.personId, retractionReason: reason.trim() });
      const updated = await manager.save(evidence);
      await this.audit.record(manager, {
        reviewId: evidence.reviewId,
        actorId: user.personId,
        action: 'evidence.retract',
        entityType: 'Evidence',
        entityId: evidenceId,
        after: { retractionReason: updated.retractionReason },
      });
      await this.publish(manager, updated);
      return updated;
    });
  }

  async list(user: CurrentUser, reviewId: string, args: EvidenceListArgs, ctx?: GraphqlContext): Promise<Connection<Evidence>> {
    await this.access.require(user, reviewId, 'evidence.read', ctx);
    const query = this.dataSource
      .getRepository(Evidence)
      .createQueryBuilder('evidence')
      .where('evidence.reviewId = :reviewId', { reviewId });
    if (!args.includeRetracted) query.andWhere('evidence.retractedAt IS NULL');
    if (args.keyFactorId) query.andWhere('evidence.keyFactorIds @> ARRAY[:kf]::uuid[]', { kf: args.keyFactorId });
    if (args.sessionId) query.andWhere('evidence.sessionId = :sessionId', { sessionId: args.sessionId });
    if (args.source) query.andWhere('evidence.source = :source', { source: args.source });
    if (args.stance) query.andWhere('evidence.stance = :stance', { stance: args.stance });
    if (args.loggedById) query.andWhere('evidence.loggedById = :by', { by: args.loggedById });
    if (args.stakeholderCategory) query.andWhere('evidence.stakeholderCategory = :category', { category: args.stakeholderCategory });
    if (args.search?.trim()) {
      query.andWhere(
        `${EVIDENCE_SEARCH_VECTOR.replace(/statement|quote|language/g, (c) => `evidence.${c}`)} @@ ${anyLanguageTsQuery(':search')}`,
        { search: args.search.trim() },
      );
    }
    return paginate(query, args, 'recordedAt', 'DESC');
  }

  /**
   * Quotes that readers outside the team get as "paraphrase pending" (the quote rule: linked to a
   * stakeholder without consent to be quoted, no paraphrase), oldest first, for the team to write one.
   */
  async quotesNeedingParaphrase(user: CurrentUser, reviewId: string): Promise<Evidence[]> {
    await this.access.require(user, reviewId, 'evidence.read');
    const candidates = await this.dataSource
      .getRepository(Evidence)
      .createQueryBuilder('e')
      .where('e.reviewId = :reviewId AND e.retractedAt IS NULL AND e.quotedStakeholderId IS NOT NULL', { reviewId })
      .orderBy('e.observedAt', 'ASC')
      .getMany();
    const shown = await this.anonymisation.quotesAsShown(candidates);
    return candidates.filter((_e, i) => shown[i].shown === QuoteShown.PENDING);
  }

  async revisions(evidenceIds: readonly string[]): Promise<EvidenceRevision[]> {
    return this.dataSource
      .getRepository(EvidenceRevision)
      .find({ where: { evidenceId: In([...evidenceIds]) }, order: { revision: 'ASC' } });
  }

  /**
   * Per key factor in scope: evidence by source and by stance, and whether it lacks interview or
   * focus-group evidence. Four statements (the caller's roles, the review, its key factors in scope, one
   * grouped count; fewer when the request's loaders have them already), whatever the number of key
   * factors and items.
   */
  async coverage(user: CurrentUser, reviewId: string, ctx?: GraphqlContext): Promise<{ review: Review; keyFactors: KeyFactorCoverage[] }> {
    // Counts, not text: the team's, and the host city's and observers' once the findings are shared
    // (the published report shows them the same chart). Before that they are refused as before.
    if (!(await this.access.can(user, reviewId, 'evidence.read', ctx)))
      await this.access.requireFindingsRead(user, reviewId, ctx).catch((error: unknown) => {
        throw error instanceof AppError && error.code === ErrorCode.INVALID_TRANSITION
          ? forbidden('The evidence counts are the review team’s until the feedback session.')
          : error;
      });
    const loaders = ctx && reviewLoaders(ctx, this.dataSource);
    const review = loaders ? await loaders.review.load(reviewId) : await this.access.reviewOrFail(reviewId);
    if (!review) throw notFound(`Review ${reviewId}`);
    const inScope = loaders ? await loaders.keyFactorsInScope(review) : await this.reviews.keyFactorsInScope(review);
    const rows: { key_factor_id: string; source: EvidenceSource; stance: EvidenceStance; n: number }[] = await this.dataSource.query(
      `SELECT kf AS key_factor_id, e.source, e.stance, count(*)::int AS n
         FROM evidence e, unnest(e.key_factor_ids) AS kf
        WHERE e.review_id = $1 AND e.retracted_at IS NULL
        GROUP BY kf, e.source, e.stance`,
      [reviewId],
    );
    const keyFactors = inScope.map((keyFactor) => {
      const mine = rows.filter((r) => r.key_factor_id === keyFactor.id);
      const sum = (pick: (r: (typeof mine)[number]) => boolean) => mine.filter(pick).reduce((n, r) => n + r.n, 0);
      return {
        keyFactor,
        total: sum(() => true),
        bySource: Object.values(EvidenceSource).map((source) => ({ source, count: sum((r) => r.source === source) })),
        byStance: Object.values(EvidenceStance).map((stance) => ({ stance, count: sum((r) => r.stance === stance) })),
        lacksInterviewOrFocusGroup: sum((r) => r.source === EvidenceSource.INTERVIEW || r.source === EvidenceSource.FOCUS_GROUP) === 0,
      };
    });
    return { review, keyFactors };
  }

  /**
   * The stakeholders among those the inputs quote that an item of the review may quote: the host
   * city's and those met in its sessions. No statement when no input quotes anyone.
   */
  private async quotable(reviewId: string, inputs: Pick<EvidenceInput, 'quotedStakeholderId'>[]): Promise<Set<string>> {
    const ids = [...new Set(inputs.map((i) => i.quotedStakeholderId?.trim().toLowerCase()).filter((id): id is string => isUuid(id)))];
    if (!ids.length || !isUuid(reviewId)) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM stakeholder s JOIN review r ON r.id = $1
        WHERE s.id = ANY ($2::uuid[])
          AND (s.city_id = r.host_city_id
               OR EXISTS (SELECT 1 FROM session_stakeholder ss JOIN visit_session vs ON vs.id = ss.session_id
                           WHERE vs.review_id = r.id AND ss.stakeholder_id = s.id))`,
      [reviewId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async evidenceOrFail(evidenceId: string): Promise<Evidence> {
    if (!isUuid(evidenceId)) throw notFound(`Evidence ${evidenceId}`);
    const evidence = await this.dataSource.getRepository(Evidence).findOneBy({ id: evidenceId.toLowerCase() });
    if (!evidence) throw notFound(`Evidence ${evidenceId}`);
    return evidence;
  }

  private requireAuthorOrLeader(user: CurrentUser, roles: ReviewRole[], evidence: Evidence, what: string) {
    if (user.isAdmin || evidence.loggedById === user.personId || roles.includes(ReviewRole.EXPERT_LEADER)) return;
    throw forbidden(`Only the peer who logged this evidence or the expert leader can ${what} it.`);
  }

  /** `evidence.changed` in the change's transaction (its live subscribers hear of it after commit). */
  private publish(manager: EntityManager, evidence: Evidence): Promise<void> {
    return this.events.publish('evidence.changed', { reviewId: evidence.reviewId, evidence }, manager);
  }

  /**
   * Everything the logging rules read, in one statement: the review's status, the key factors in its
   * scope (as ReviewService.keyFactorsInScope: the scope, or the whole benchmark), whether the session
   * and document named belong to it, and (given personId) that person's roles in it. There is always
   * a row, so the roles are known even when the review is not (its status is then null).
   */
  private async loggingFacts(
    manager: EntityManager,
    reviewId: string,
    input: Pick<EvidenceInput, 'sessionId' | 'documentId'>,
    personId?: string,
  ): Promise<LoggingFacts> {
    const uuidOrNull = (value?: string | null) => (isUuid(value) ? value : null);
    if (!isUuid(reviewId)) return { status: null, roles: [], scope: new Set(), sessionKind: null, documentFound: false };
    const [row]: FactsRow[] = await manager.query(FACTS_SELECT, [
      reviewId,
      uuidOrNull(input.sessionId),
      uuidOrNull(input.documentId),
      uuidOrNull(personId),
    ]);
    return factsOf(row);
  }
}
