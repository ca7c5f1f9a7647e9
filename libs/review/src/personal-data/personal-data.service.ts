import { Inject, Injectable, Logger } from '@nestjs/common';
import { PERSON_JSON_REFERENCES, PERSON_REFERENCES } from '@peervisit/directory';
import { CurrentUser, FILE_STORAGE, FileStorage, forbidden, isUuid, notFound } from '@peervisit/platform';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';

/** One file in the archive: the JSON, or a file the person uploaded (read from storage while the archive streams). */
export type ArchiveEntry = { path: string; body: Buffer } | { path: string; open: () => Promise<Readable> };

export interface PersonalDataArchive {
  fileName: string;
  entries: ArchiveEntry[];
}

/** A group of rows in the JSON, saying which table and column tie them to the subject. */
interface RecordGroup {
  what: string;
  table: string;
  column: string;
  rows: Record<string, unknown>[];
}

/**
 * Columns never copied out, even to their owner: hashes of passwords and of sign-in, reset and
 * calendar tokens. They are useless to the person and would help anyone who intercepts the archive.
 */
const SECRET_COLUMN = /(^|_)(password|token|secret)(_|$)|_hash$/;

const clean = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMN.test(column)));

/**
 * Everything PeerVisit holds about one person or stakeholder, for the right of access and portability:
 * a JSON document plus the files the person uploaded, in one ZIP (PersonalDataController streams it).
 *
 * For a person the rows are found through PERSON_REFERENCES, the same list the merge of duplicates
 * uses, whose completeness test/e2e/person-merge.e2e.spec.ts checks against the schema; so a new
 * table that names people reaches this export too. Beyond the rows that carry the person's id: the
 * evidence whose text names them, the audit entries about them, and the messages addressed to their
 * email before they had an account.
 */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger(PersonalDataService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** A person's own data (anyone, for themselves) or anyone's (the secretariat). */
  async personArchive(viewer: CurrentUser, personId: string): Promise<PersonalDataArchive> {
    if (!isUuid(personId)) throw notFound('The person');
    if (viewer.personId !== personId && !viewer.isAdmin)
      throw forbidden('Only the person themselves or the secretariat may download their data.');
    const [person] = await this.dataSource.query(
      `SELECT p.*, o.name AS organisation_name FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = $1`,
      [personId],
    );
    if (!person) throw notFound('The person');

    const records: RecordGroup[] = [];
    for (const ref of PERSON_REFERENCES) {
      const where = ref.how === 'array' ? `$1 = ANY(${ref.column})` : `${ref.column} = $1`;
      const rows = await this.dataSource.query(`SELECT * FROM ${ref.table} WHERE ${where} ORDER BY 1`, [personId]);
      if (rows.length) records.push({ what: ref.what, table: ref.table, column: ref.column, rows: rows.map(clean) });
    }
    for (const ref of PERSON_JSON_REFERENCES) {
      const rows = await this.dataSource.query(`SELECT * FROM ${ref.table} WHERE ${ref.column} ->> '${ref.key}' = $1::text ORDER BY 1`, [
        personId,
      ]);
      if (rows.length) records.push({ what: ref.what, table: ref.table, column: `${ref.column}.${ref.key}`, rows: rows.map(clean) });
    }
    // Messages sent to their address by no id (an invitation before the account existed).
    const addressed = await this.dataSource.query(
      `SELECT * FROM outbox_message WHERE lower(recipient_email) = lower($1) AND recipient_id IS DISTINCT FROM $2 ORDER BY created_at`,
      [person.email, personId],
    );
    if (addressed.length)
      records.push({ what: 'emails received', table: 'outbox_message', column: 'recipient_email', rows: addressed.map(clean) });

    const documents: { id: string; storage_key: string | null; file_name: string | null }[] = await this.dataSource.query(
      `SELECT id, storage_key, file_name FROM document WHERE added_by_id = $1 AND storage_key IS NOT NULL ORDER BY added_at`,
      [personId],
    );
    const files = await this.filesOf(documents);

    const json = {
      exportedAt: new Date().toISOString(),
      subject: { kind: 'person', id: personId },
      account: clean(person),
      records,
      evidenceNamingThem: await this.evidenceNaming(person.full_name),
      auditEntriesAboutThem: await this.auditAbout(personId),
      files: files.listed,
    };
    this.logger.log({ message: 'personal data exported', subject: personId, kind: 'person', by: viewer.personId });
    return { fileName: `personal-data-${personId}.zip`, entries: [jsonEntry(json), ...files.entries] };
  }

  /** A stakeholder (someone met during a visit, with no account), for the secretariat. */
  async stakeholderArchive(viewer: CurrentUser, stakeholderId: string): Promise<PersonalDataArchive> {
    if (!viewer.isAdmin) throw forbidden('Only the secretariat may download the data held about a stakeholder.');
    if (!isUuid(stakeholderId)) throw notFound('The stakeholder');
    const [stakeholder] = await this.dataSource.query(
      `SELECT s.*, o.name AS organisation_name, c.name AS city_name
         FROM stakeholder s LEFT JOIN organisation o ON o.id = s.organisation_id JOIN city c ON c.id = s.city_id
        WHERE s.id = $1`,
      [stakeholderId],
    );
    if (!stakeholder) throw notFound('The stakeholder');
    const sessions = await this.dataSource.query(
      `SELECT ss.*, vs.review_id, vs.title AS session_title, vs.starts_at, vs.ends_at, vs.location
         FROM session_stakeholder ss JOIN visit_session vs ON vs.id = ss.session_id
        WHERE ss.stakeholder_id = $1 ORDER BY vs.starts_at`,
      [stakeholderId],
    );
    const [consents, quotes] = await Promise.all([
      this.dataSource.query('SELECT * FROM stakeholder_consent WHERE stakeholder_id = $1 ORDER BY recorded_at, sequence', [stakeholderId]),
      this.dataSource.query('SELECT * FROM evidence WHERE quoted_stakeholder_id = $1 ORDER BY observed_at', [stakeholderId]),
    ]);
    const json = {
      exportedAt: new Date().toISOString(),
      subject: { kind: 'stakeholder', id: stakeholderId },
      stakeholder: clean(stakeholder),
      records: [
        { what: 'visit sessions attended', table: 'session_stakeholder', column: 'stakeholder_id', rows: sessions },
        { what: 'consent given or withdrawn', table: 'stakeholder_consent', column: 'stakeholder_id', rows: consents },
        { what: 'evidence quoting them', table: 'evidence', column: 'quoted_stakeholder_id', rows: quotes },
      ].filter((r) => r.rows.length),
      evidenceNamingThem: stakeholder.name ? await this.evidenceNaming(stakeholder.name) : [],
      auditEntriesAboutThem: await this.auditAbout(stakeholderId),
      files: [],
    };
    this.logger.log({ message: 'personal data exported', subject: stakeholderId, kind: 'stakeholder', by: viewer.personId });
    return { fileName: `personal-data-stakeholder-${stakeholderId}.zip`, entries: [jsonEntry(json)] };
  }

  /** Evidence whose statement or quote (now or in an earlier revision) contains the name, whoever logged it. */
  private async evidenceNaming(name: string): Promise<Record<string, unknown>[]> {
    const needle = name.trim();
    if (needle.length < 3) return [];
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `SELECT e.id, e.review_id, e.statement, e.quote, e.observed_at, e.recorded_at, e.retracted_at
         FROM evidence e
        WHERE e.statement ILIKE $1 OR e.quote ILIKE $1
           OR EXISTS (SELECT 1 FROM evidence_revision r WHERE r.evidence_id = e.id AND r.changes::text ILIKE $1)
        ORDER BY e.recorded_at`,
      [pattern],
    );
  }

  /** Audit entries whose subject is this id, or whose before/after values mention it (a team member added, a stakeholder invited). */
  private auditAbout(id: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT * FROM audit_entry WHERE entity_id = $1 OR before::text LIKE $2 OR after::text LIKE $2 ORDER BY at`,
      [id, `%${id}%`],
    );
  }

  /** Files the person uploaded; one missing from storage is listed with inArchive false rather than failing the whole export. */
  private async filesOf(documents: { id: string; storage_key: string | null; file_name: string | null }[]) {
    const listed: { documentId: string; fileName: string | null; path: string | null; inArchive: boolean }[] = [];
    const entries: ArchiveEntry[] = [];
    for (const doc of documents) {
      const key = doc.storage_key as string;
      const present = await this.storage.exists(key);
      const path = `files/${doc.id}-${safeName(doc.file_name ?? 'file')}`;
      listed.push({ documentId: doc.id, fileName: doc.file_name, path: present ? path : null, inArchive: present });
      if (present) entries.push({ path, open: () => this.storage.get(key) });
    }
    return { listed, entries };
  }
}

const jsonEntry = (json: unknown): ArchiveEntry => ({ path: 'personal-data.json', body: Buffer.from(JSON.stringify(json, null, 2)) });

/** A file name safe inside a ZIP on any system: no directories, no control or reserved characters. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120);
