import { Injectable } from '@nestjs/common';
import {
  AppError,
  assertNoProblems,
  anyLanguageTsQuery,
  Connection,
  languageOf,
  CurrentUser,
  ErrorCode,
  forbidden,
  invalidTransition,
  isUuid,
  notFound,
  PageArgs,
  paginate,
  Problem,
  unauthenticated,
} from '@peervisit/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { FieldOfAction } from '../field-of-action/field-of-action.entity';
import { RowTranslations } from '../translation/translatable-text';
import {
  CRITERIA_KEYS,
  CriterionKey,
  GoodPracticeDocument,
  TRANSLATABLE_PRACTICE_FIELDS,
  TranslatablePracticeField,
} from './good-practice-document';
import { GoodPractice, GoodPracticeRevision, GoodPracticeStatus, goodPracticeSearchVector } from './good-practice.entity';
import { GoodPracticeInput, GoodPracticeTranslationInput } from './good-practice.inputs';
import { parseGoodPracticeDocument, periodYears, withoutNulls } from './good-practice-text';

/** Where a good practice came from, when it was promoted from a review (set by the review lib). */
export interface GoodPracticeSource {
  reviewId?: string | null;
  evidenceId?: string | null;
  recommendationId?: string | null;
}

export interface GoodPracticeFilters {
  fieldOfAction?: string;
  country?: string;
  city?: string;
  year?: number;
  search?: string;
  status?: GoodPracticeStatus;
  /** Criteria of the template that must all be met (an empty list filters nothing). */
  criteria?: CriterionKey[];
}

/** What the published catalogue can be filtered by: the cities and countries it has, and its years. */
export interface GoodPracticeFacets {
  cities: { city: string; country: string | null; count: number }[];
  countries: { country: string; count: number }[];
  firstYear: number | null;
  lastYear: number | null;
}

/** One published good practice ranked against a text (see rankPublished). */
export interface RankedGoodPractice {
  practice: GoodPractice;
  score: number;
  /** Words of the text (as written there) that the practice also uses, after stemming. */
  sharedWords: string[];
  /** The practice's fields of action (main or further) among the boosted ones. */
  sharedFieldIds: string[];
}

/** What the input names: the fields of action by id, once the codes are known to exist. */
interface Validated {
  document: GoodPracticeDocument;
  mainFieldOfActionId: string;
  furtherFieldOfActionIds: string[];
}

/** The GraphQL input as the document it stands for (so create and import validate the same way). */
export function documentFromInput(input: GoodPracticeInput | null | undefined): { raw: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const criteria: Record<string, unknown> = {};
  (input?.criteria ?? []).forEach((c, index) => {
    if (c.key in criteria) problems.push({ path: `criteria[${index}].key`, message: `${c.key} is given twice` });
    criteria[c.key] = {
      met: c.met,
      ...(c.justification !== null && c.justification !== undefined ? { justification: c.justification } : {}),
    };
  });
  const raw = withoutNulls({
    language: input?.language,
    contact: { ...(input?.contact ?? {}) },
    action: { ...(input?.action ?? {}) },
    description: {
      ...(input?.description ?? {}),
      keyReferenceDocuments: (input?.description?.keyReferenceDocuments ?? []).map((d) => ({ ...d })),
    },
    criteria,
  }) as Record<string, unknown>;
  return { raw, problems };
}

/**
 * The good-practice catalogue in the ICC template. Anyone signed in drafts; the author (and the
 * network secretariat) edits a draft and submits it; the author or an admin can send a submitted one
 * back to draft; only an admin publishes. Published practices are public (read by anyone, signed in
 * or not: the resolver's reads are @Public and `user` is then undefined), the others only by their
 * author and admins. Every change is kept as a GoodPracticeRevision, and a
 * change based on an old version is refused (CONFLICT).
 */
@Injectable()
export class GoodPracticeService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new DRAFT owned by the caller, from a GoodPracticeDocument (checked with goodPracticeDocumentSchema). */
  async create(
    user: CurrentUser,
    document: unknown,
    options: {
      action?: 'create' | 'import' | 'promote';
      source?: GoodPracticeSource;
      cityId?: string | null;
      extraProblems?: Problem[];
      summary?: string;
    } = {},
  ): Promise<GoodPractice> {
    return this.dataSource.transaction(async (manager) => {
      const { validated, problems } = await this.validate(manager, document);
      assertNoProblems([...(options.extraProblems ?? []), ...problems], options.summary ?? 'The good practice was not saved');
      const v = validated!;
      const now = new Date();
      const { identifiers } = await manager.insert(GoodPractice, {
        language: languageOf(user.language),
        ...this.columnsOf(v),
        cityId: options.cityId ?? (await this.matchCity(manager, v.document)),
        status: GoodPracticeStatus.DRAFT,
        createdById: user.personId,
        updatedById: user.personId,
        sourceReviewId: options.source?.reviewId ?? null,
        sourceEvidenceId: options.source?.evidenceId ?? null,
        sourceRecommendationId: options.source?.recommendationId ?? null,
        version: 1,
        // Set here (milliseconds) rather than by now() (microseconds), so cursors round-trip exactly.
        createdAt: now,
        updatedAt: now,
      });
      const saved = await manager.findOneByOrFail(GoodPractice, { id: identifiers[0].id as string });
      await this.keepRevision(manager, saved, options.action ?? 'create', user);
      return saved;
    });
  }

  createFromInput(user: CurrentUser, input: GoodPracticeInput): Promise<GoodPractice> {
    const { raw, problems } = documentFromInput(input);
    return this.create(user, raw, { action: 'create', extraProblems: problems });
  }

  /**
   * A new DRAFT from a whole document as JSON: the network secretariat's, which curates the catalogue
   * (importGoodPractice is @AdminOnly); members draft with the form, from a review, or from Word.
   */
  import(user: CurrentUser, document: unknown): Promise<GoodPractice> {
    return this.create(user, document, { action: 'import', summary: 'The good practice was not imported' });
  }

  /**
   * A new DRAFT of the caller's from the ICC template filled in with Word: any signed-in member, as
   * cities write their practices in the template. It stays theirs until the secretariat publishes it.
   */
  importWord(user: CurrentUser, document: unknown): Promise<GoodPractice> {
    return this.create(user, document, { action: 'import', summary: 'The Word document was not imported' });
  }

  /** Replaces every field of a DRAFT (author or admin), if nobody saved since expectedVersion. */
  async update(user: CurrentUser, id: string, input: GoodPracticeInput, expectedVersion: number): Promise<GoodPractice> {
    const { raw, problems: inputProblems } = documentFromInput(input);
    return this.dataSource.transaction(async (manager) => {
      const practice = await this.lockForChange(manager, user, id);
      this.checkVersion(practice, expectedVersion);
      if (practice.status !== GoodPracticeStatus.DRAFT) {
        throw invalidTransition(
          practice.status === GoodPracticeStatus.SUBMITTED
            ? 'This good practice is submitted; send it back to draft (returnGoodPracticeToDraft) to change it.'
            : 'This good practice is published and no longer changes.',
        );
      }
      const { validated, problems } = await this.validate(manager, raw);
      assertNoProblems([...inputProblems, ...problems], 'The good practice was not saved');
      const v = validated!;
      const sameCity = v.document.contact.city === practice.city && (v.document.contact.country ?? null) === practice.country;
      Object.assign(practice, this.columnsOf(v), {
        cityId: sameCity && practice.cityId ? practice.cityId : await this.matchCity(manager, v.document),
        updatedById: user.personId,
        version: practice.version + 1,
      });
      const saved = await manager.save(practice);
      await this.keepRevision(manager, saved, 'update', user);
      return saved;
    });
  }

  /**
   * Sets one language's translation of a practice's texts (the network secretariat: @AdminOnly), in
   * any status: a translation is not a change of what the city wrote, so a published practice takes
   * one too. Texts given are set, an empty one removes its translation, the others are kept. It is a
   * new version, kept as a revision like every change.
   */
  async translate(
    user: CurrentUser,
    id: string,
    language: string,
    texts: GoodPracticeTranslationInput,
    expectedVersion: number,
  ): Promise<GoodPractice> {
    return this.dataSource.transaction(async (manager) => {
      const practice = await this.lockForChange(manager, user, id);
      this.checkVersion(practice, expectedVersion);
      const problems: Problem[] = [];
      if (!/^[a-z]{2}$/.test(language))
        problems.push({ path: 'language', message: 'a language must be a two-letter code such as en or fr' });
      else if (language === practice.language)
        problems.push({ path: 'language', message: `the practice is written in ${language}: change its texts, not a translation` });
      assertNoProblems(problems, 'The translation was not saved');
      const current = { ...(practice.translations?.[language] ?? {}) };
      for (const field of TRANSLATABLE_PRACTICE_FIELDS) {
        const value = texts[field];
        if (value === undefined || value === null) continue;
        if (value.trim()) current[field] = value.trim();
        else delete current[field];
      }
      const translations: RowTranslations = { ...(practice.translations ?? {}), [language]: current };
      if (!Object.keys(current).length) delete translations[language];
      Object.assign(practice, { translations, updatedById: user.personId, version: practice.version + 1 });
      const saved = await manager.save(practice);
      await this.keepRevision(manager, saved, 'translate', user);
      return saved;
    });
  }

  /** DRAFT → SUBMITTED (author or admin); it needs a purpose and a country to be listed. */
  submit(user: CurrentUser, id: string): Promise<GoodPractice> {
    return this.transition(user, id, 'submit', GoodPracticeStatus.DRAFT, GoodPracticeStatus.SUBMITTED, (p) => {
      const missing = [p.purpose ? null : 'a purpose', p.country ? null : 'a country'].filter((m): m is string => !!m);
      if (missing.length) throw invalidTransition(`The good practice cannot be submitted without ${missing.join(' and ')}.`, missing);
      p.submittedAt = new Date();
    });
  }

  /** SUBMITTED → DRAFT (author or admin), with an optional reason kept in the revision. */
  returnToDraft(user: CurrentUser, id: string, reason?: string | null): Promise<GoodPractice> {
    return this.transition(
      user,
      id,
      'returnToDraft',
      GoodPracticeStatus.SUBMITTED,
      GoodPracticeStatus.DRAFT,
      (p) => {
        p.submittedAt = null;
      },
      reason?.trim() || null,
    );
  }

  /** SUBMITTED → PUBLISHED: the network secretariat only (@AdminOnly on publishGoodPractice). */
  publish(user: CurrentUser, id: string): Promise<GoodPractice> {
    return this.transition(user, id, 'publish', GoodPracticeStatus.SUBMITTED, GoodPracticeStatus.PUBLISHED, (p) => {
      p.publishedAt = new Date();
      p.publishedById = user.personId;
    });
  }

  /**
   * One good practice the caller may read (a draft of someone else's is NOT_FOUND, as if it did not
   * exist; for an anonymous caller, `user` undefined, every one that is not published).
   */
  async get(user: CurrentUser | undefined, id: string): Promise<GoodPractice> {
    const practice = isUuid(id) ? await this.dataSource.getRepository(GoodPractice).findOneBy({ id: id.toLowerCase() }) : null;
    if (!practice || !this.mayRead(user, practice)) throw notFound(`Good practice ${id}`);
    return practice;
  }

  mayRead(user: CurrentUser | undefined, practice: GoodPractice): boolean {
    return practice.status === GoodPracticeStatus.PUBLISHED || this.mayEdit(user, practice);
  }

  /** The author and admins see drafts, submitted versions and the revisions (nobody signed out does). */
  mayEdit(user: CurrentUser | undefined, practice: GoodPractice): boolean {
    return !!user && (user.isAdmin || practice.createdById === user.personId);
  }

  async export(user: CurrentUser | undefined, id: string): Promise<GoodPracticeDocument> {
    const practice = await this.get(user, id);
    return this.documentOf(practice);
  }

  /** The practice as a GoodPracticeDocument (the import/export form). */
  async documentOf(practice: GoodPractice, manager: EntityManager = this.dataSource.manager): Promise<GoodPracticeDocument> {
    const ids = [practice.mainFieldOfActionId, ...practice.furtherFieldOfActionIds];
    const fields = await manager.findBy(FieldOfAction, { id: In(ids) });
    const code = (fieldId: string) => fields.find((f) => f.id === fieldId)?.code ?? fieldId;
    const opt = <K extends string>(key: K, value: string | null) =>
      value === null || value === undefined ? {} : ({ [key]: value } as Record<K, string>);
    return {
      // Written only when not English, so that documents exported before languages existed stay equal.
      ...(practice.language && practice.language !== 'en' ? { language: practice.language as GoodPracticeDocument['language'] } : {}),
      contact: {
        city: practice.city,
        ...opt('country', practice.country),
        ...opt('department', practice.department),
        ...opt('completedOn', practice.completedOn),
        ...opt('contactPerson', practice.contactPerson),
      },
      action: {
        title: practice.title,
        mainFieldOfAction: code(practice.mainFieldOfActionId),
        furtherFieldsOfAction: practice.furtherFieldOfActionIds.map(code),
        ...opt('mainPurpose', practice.mainPurpose),
        ...opt('implementationPeriod', practice.implementationPeriod),
      },
      description: {
        ...opt('purpose', practice.purpose),
        ...opt('stimulus', practice.stimulus),
        ...opt('process', practice.process),
        ...opt('impact', practice.impact),
        keyReferenceDocuments: practice.keyReferenceDocuments.map((d) => ({ title: d.title, ...(d.url ? { url: d.url } : {}) })),
      },
      criteria: Object.fromEntries(CRITERIA_KEYS.filter((k) => practice.criteria[k]).map((k) => [k, practice.criteria[k]])),
      // Written only when there is one, so that documents exported before translations existed stay equal.
      ...(practice.translations && Object.keys(practice.translations).length ? { translations: practice.translations } : {}),
    };
  }

  /**
   * Browse and search, newest published first (drafts and submitted ones: newest first). PUBLISHED
   * unless another status is asked for; those are every one for admins and one's own for the rest,
   * and UNAUTHENTICATED for a caller who is not signed in (`user` undefined).
   */
  async list(user: CurrentUser | undefined, filters: GoodPracticeFilters, page: PageArgs): Promise<Connection<GoodPractice>> {
    const status = filters.status ?? GoodPracticeStatus.PUBLISHED;
    if (status !== GoodPracticeStatus.PUBLISHED && !user)
      throw unauthenticated(
        'Sign in to list drafts and submitted good practices: only their authors and the network secretariat see them.',
      );
    const q = this.dataSource.getRepository(GoodPractice).createQueryBuilder('gp').where('gp.status = :status', { status });
    if (status !== GoodPracticeStatus.PUBLISHED && !user!.isAdmin) q.andWhere('gp.createdById = :me', { me: user!.personId });
    const problems: Problem[] = [];
    if (filters.fieldOfAction !== undefined && filters.fieldOfAction !== null) {
      const ids = await this.fieldAndSubFieldIds(filters.fieldOfAction);
      if (!ids.length) problems.push({ path: 'fieldOfAction', message: `no field of action has the code "${filters.fieldOfAction}"` });
      else q.andWhere('(gp.mainFieldOfActionId IN (:...foa) OR gp.furtherFieldOfActionIds && ARRAY[:...foa]::uuid[])', { foa: ids });
    }
    if (filters.country) {
      if (!/^[A-Za-z]{2}$/.test(filters.country.trim())) problems.push({ path: 'country', message: 'a two-letter ISO code, e.g. NO' });
      else q.andWhere('gp.country = :country', { country: filters.country.trim().toUpperCase() });
    }
    if (filters.city?.trim()) q.andWhere('lower(gp.city) = lower(:city)', { city: filters.city.trim() });
    if (filters.year !== undefined && filters.year !== null) {
      if (!Number.isInteger(filters.year) || filters.year < 1800 || filters.year > 2200)
        problems.push({ path: 'year', message: 'a year, e.g. 2016' });
      else
        q.andWhere('gp.periodStartYear <= :year AND coalesce(gp.periodEndYear, extract(year from now())::int) >= :year', {
          year: filters.year,
        });
    }
    if (filters.search?.trim())
      q.andWhere(`${goodPracticeSearchVector('gp')} @@ ${anyLanguageTsQuery(':search')}`, { search: filters.search.trim() });
    if (filters.criteria?.length) {
      // Every one of them met: containment of {"<key>": {"met": true}, …} in the stored criteria.
      const wanted = Object.fromEntries([...new Set(filters.criteria)].map((key) => [key, { met: true }]));
      q.andWhere('gp.criteria @> CAST(:criteria AS jsonb)', { criteria: JSON.stringify(wanted) });
    }
    assertNoProblems(problems, 'The good practices could not be listed');
    return status === GoodPracticeStatus.PUBLISHED ? paginate(q, page, 'publishedAt', 'DESC') : paginate(q, page, 'createdAt', 'DESC');
  }

  /** The cities (with their country) and countries of the published practices, with how many each, and the years they cover. */
  async facets(): Promise<GoodPracticeFacets> {
    const published = `status = '${GoodPracticeStatus.PUBLISHED}'`;
    const [cities, countries, years]: [
      { city: string; country: string | null; count: number }[],
      { country: string; count: number }[],
      { first: number | null; last: number | null }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT min(city) AS city, country, count(*)::int AS count FROM good_practice WHERE ${published}
          GROUP BY lower(city), country ORDER BY lower(min(city)), country`,
      ),
      this.dataSource.query(
        `SELECT country, count(*)::int AS count FROM good_practice WHERE ${published} AND country IS NOT NULL GROUP BY country ORDER BY country`,
      ),
      this.dataSource.query(
        `SELECT min(period_start_year)::int AS first,
                max(coalesce(period_end_year, CASE WHEN period_start_year IS NULL THEN NULL ELSE extract(year from now())::int END))::int AS last
           FROM good_practice WHERE ${published}`,
      ),
    ]);
    return { cities, countries, firstYear: years[0]?.first ?? null, lastYear: years[0]?.last ?? null };
  }

  /**
   * Published good practices ranked by how close they are to a text: ts_rank over the same vector as
   * search, with an OR of the text's significant words (English stems, stop words dropped), plus a
   * fixed boost for a practice in one of `boostFieldIds`. A practice matching neither is left out.
   */
  async rankPublished(text: string, boostFieldIds: string[], first: number): Promise<RankedGoodPractice[]> {
    const words = [...new Set(text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])];
    const stems: { word: string; lexemes: string[] }[] = words.length
      ? await this.dataSource.query(
          "SELECT w AS word, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest($1::text[]) AS w",
          [words],
        )
      : [];
    const lexemes = [...new Set(stems.flatMap((s) => s.lexemes))];
    const vector = goodPracticeSearchVector('gp');
    const fieldsOf = '(gp.further_field_of_action_ids || gp.main_field_of_action_id)';
    const rows: { id: string; text_rank: number; shared: string[]; shared_fields: string[] }[] = await this.dataSource.query(
      `WITH q AS (
         SELECT CASE WHEN cardinality($1::text[]) = 0 THEN NULL
                ELSE array_to_string(ARRAY(SELECT '''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''' FROM unnest($1::text[]) AS l), ' | ')::tsquery END AS query
       )
       SELECT * FROM (
         SELECT gp.id, gp.published_at,
                coalesce(ts_rank(${vector}, q.query), 0)::float8 AS text_rank,
                ARRAY(SELECT unnest(tsvector_to_array(${vector})) INTERSECT SELECT unnest($1::text[])) AS shared,
                ARRAY(SELECT unnest(${fieldsOf}) INTERSECT SELECT unnest($2::uuid[]))::text[] AS shared_fields
           FROM good_practice gp, q
          WHERE gp.status = 'PUBLISHED'
            AND ((q.query IS NOT NULL AND ${vector} @@ q.query) OR ${fieldsOf} && $2::uuid[])
       ) ranked
       ORDER BY text_rank + CASE WHEN cardinality(shared_fields) > 0 THEN $3::float8 ELSE 0 END DESC, published_at DESC, id
       LIMIT $4`,
      [lexemes, boostFieldIds, FIELD_BOOST, first],
    );
    const practices = rows.length ? await this.dataSource.getRepository(GoodPractice).findBy({ id: In(rows.map((r) => r.id)) }) : [];
    return rows.map((r) => ({
      practice: practices.find((p) => p.id === r.id)!,
      score: Number(r.text_rank) + (r.shared_fields.length ? FIELD_BOOST : 0),
      sharedWords: stems.filter((s) => s.lexemes.some((l) => r.shared.includes(l))).map((s) => s.word),
      sharedFieldIds: r.shared_fields,
    }));
  }

  revisionsOf(ids: readonly string[]): Promise<GoodPracticeRevision[]> {
    return this.dataSource.getRepository(GoodPracticeRevision).find({ where: { goodPracticeId: In([...ids]) }, order: { version: 'ASC' } });
  }

  fieldsByIds(ids: readonly string[]): Promise<FieldOfAction[]> {
    return this.dataSource.getRepository(FieldOfAction).findBy({ id: In([...ids]) });
  }

  /** The field with this code and, for a field, its sub-fields (empty when no field has the code). */
  async fieldAndSubFieldIds(code: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT f.id FROM field_of_action f LEFT JOIN field_of_action p ON p.id = f.parent_id WHERE lower(f.code) = lower($1) OR lower(p.code) = lower($1)',
      [code.trim()],
    );
    return rows.map((r) => r.id);
  }

  private async transition(
    user: CurrentUser,
    id: string,
    action: string,
    from: GoodPracticeStatus,
    to: GoodPracticeStatus,
    apply: (practice: GoodPractice) => void,
    note: string | null = null,
  ): Promise<GoodPractice> {
    return this.dataSource.transaction(async (manager) => {
      const practice = await this.lockForChange(manager, user, id);
      if (practice.status === to) return practice;
      if (practice.status !== from) {
        throw invalidTransition(`A good practice goes from ${from} to ${to}; this one is ${practice.status}.`);
      }
      apply(practice);
      Object.assign(practice, { status: to, updatedById: user.personId, version: practice.version + 1 });
      const saved = await manager.save(practice);
      await this.keepRevision(manager, saved, action, user, note);
      return saved;
    });
  }

  /** The row, locked; NOT_FOUND for what the caller cannot read, FORBIDDEN for what they read but may not change. */
  private async lockForChange(manager: EntityManager, user: CurrentUser, id: string): Promise<GoodPractice> {
    const practice = isUuid(id)
      ? await manager.findOne(GoodPractice, { where: { id: id.toLowerCase() }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!practice || !this.mayRead(user, practice)) throw notFound(`Good practice ${id}`);
    if (!this.mayEdit(user, practice)) throw forbidden('Only its author and the network secretariat can change a good practice.');
    return practice;
  }

  private checkVersion(practice: GoodPractice, expectedVersion: number) {
    if (practice.version === expectedVersion) return;
    throw new AppError(
      ErrorCode.CONFLICT,
      `The good practice was changed after you opened it (you started from version ${expectedVersion}; it is now version ${practice.version}). Reload it to see the change, then save yours.`,
      { currentVersion: practice.version, updatedById: practice.updatedById, updatedAt: practice.updatedAt?.toISOString?.() ?? null },
    );
  }

  private async keepRevision(
    manager: EntityManager,
    practice: GoodPractice,
    action: string,
    user: CurrentUser,
    note: string | null = null,
  ) {
    await manager.insert(GoodPracticeRevision, {
      goodPracticeId: practice.id,
      version: practice.version,
      action,
      status: practice.status,
      document: await this.documentOf(practice, manager),
      note,
      savedById: user.personId,
    });
  }

  /** Schema problems and unknown field-of-action codes, all at once. */
  private async validate(manager: EntityManager, input: unknown): Promise<{ validated?: Validated; problems: Problem[] }> {
    const { document, problems } = parseGoodPracticeDocument(input);
    const action = (input as { action?: { mainFieldOfAction?: unknown; furtherFieldsOfAction?: unknown } } | null)?.action;
    const main = typeof action?.mainFieldOfAction === 'string' ? action.mainFieldOfAction.trim() : '';
    const further = Array.isArray(action?.furtherFieldsOfAction)
      ? action.furtherFieldsOfAction.map((c) => (typeof c === 'string' ? c.trim() : ''))
      : [];
    const codes = [main, ...further].filter(Boolean);
    const known = codes.length ? await manager.findBy(FieldOfAction, { code: In(codes) }) : [];
    const idOf = (code: string) => known.find((f) => f.code === code)?.id;
    if (main && !idOf(main))
      problems.push({
        path: 'action.mainFieldOfAction',
        message: `"${main}" is not an ICC field of action (use a code such as "1" or "3a")`,
      });
    further.forEach((code, index) => {
      const path = `action.furtherFieldsOfAction[${index}]`;
      if (!code) return;
      if (!idOf(code)) problems.push({ path, message: `"${code}" is not an ICC field of action (use a code such as "1" or "3a")` });
      else if (code === main) problems.push({ path, message: `"${code}" is already the main field of action` });
      else if (further.indexOf(code) !== index) problems.push({ path, message: `"${code}" is listed twice` });
    });
    if (!document || problems.length) return { problems };
    return {
      problems,
      validated: {
        document,
        mainFieldOfActionId: idOf(main)!,
        furtherFieldOfActionIds: document.action.furtherFieldsOfAction.map((c) => idOf(c)!),
      },
    };
  }

  private columnsOf({ document: d, mainFieldOfActionId, furtherFieldOfActionIds }: Validated): Partial<GoodPractice> {
    const { start, end } = periodYears(d.action.implementationPeriod);
    return {
      // A document that names no language keeps the practice's (or, new, its author's; see create).
      ...(d.language ? { language: d.language } : {}),
      city: d.contact.city,
      country: d.contact.country ?? null,
      department: d.contact.department ?? null,
      completedOn: d.contact.completedOn ?? null,
      contactPerson: d.contact.contactPerson ?? null,
      title: d.action.title,
      mainFieldOfActionId,
      furtherFieldOfActionIds,
      mainPurpose: d.action.mainPurpose ?? null,
      implementationPeriod: d.action.implementationPeriod ?? null,
      periodStartYear: start,
      periodEndYear: end,
      purpose: d.description.purpose ?? null,
      stimulus: d.description.stimulus ?? null,
      process: d.description.process ?? null,
      impact: d.description.impact ?? null,
      keyReferenceDocuments: d.description.keyReferenceDocuments,
      criteria: d.criteria,
      // A document without translations (the form, a Word file) keeps the practice's.
      ...(d.translations ? { translations: d.translations as RowTranslations } : {}),
    };
  }

  /** The directory's city with this name (and country, when given), if exactly one matches. */
  private async matchCity(manager: EntityManager, d: GoodPracticeDocument): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM city WHERE lower(name) = lower($1) AND ($2::text IS NULL OR country = $2) LIMIT 2',
      [d.contact.city, d.contact.country ?? null],
    );
    return rows.length === 1 ? rows[0].id : null;
  }
}

/** Added to the text rank of a practice in one of the boosted fields (a good text match ranks about 0.1–0.6). */
export const FIELD_BOOST = 0.1;

/**
 * A practice's texts for a reader of `language`: its translation into that language where it has one
 * (field by field), else its English translation, else the texts as written.
 */
export function practiceTextsIn(practice: GoodPractice, language: string) {
  const own = language === practice.language;
  const chosen = own ? null : practice.translations?.[language] ? language : practice.translations?.en ? 'en' : null;
  const translation = chosen ? practice.translations[chosen] : {};
  const text = (field: TranslatablePracticeField) => translation[field] ?? practice[field];
  return {
    language: chosen ?? practice.language,
    original: !chosen,
    title: text('title') as string,
    mainPurpose: text('mainPurpose'),
    purpose: text('purpose'),
    stimulus: text('stimulus'),
    process: text('process'),
    impact: text('impact'),
  };
}
