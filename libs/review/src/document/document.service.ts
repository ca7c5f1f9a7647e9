import { Inject, Injectable, Logger } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import {
  APP_CONFIG,
  AppConfig,
  assertNoProblems,
  badInput,
  conflict,
  CurrentUser,
  FILE_STORAGE,
  FileStorage,
  FileTooLargeError,
  GraphqlContext,
  isUuid,
  notFound,
  Problem,
  StoredFile,
} from '@peervisit/platform';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { Document, DocumentType } from './document.entity';

type Ctx = Pick<GraphqlContext, 'loaders'>;

/** The file of an upload: a stream or the whole content, with what the client said about it. */
export interface DocumentFileInput {
  stream?: Readable;
  buffer?: Buffer;
  originalName?: string | null;
  mediaType?: string | null;
}

/** Fields as they arrive (from GraphQL typed, from a multipart form as plain strings). */
export interface DocumentFields {
  title?: string | null;
  type?: string | null;
  keyFactorIds?: readonly string[] | null;
  /** An upload that is a new version of this document of the review (which is retracted). */
  replacesDocumentId?: string | null;
}

export interface DocumentDownload {
  stream: Readable;
  fileName: string;
  mediaType: string;
  size: number;
}

export const TITLE_MAX = 300;
export const URL_MAX = 2000;
export const REASON_MAX = 2000;
const FILE_NAME_MAX = 255;

/** Signatures checked for the media types whose content is easy to recognise. */
const MAGIC: Record<string, { bytes: number[]; label: string }> = {
  'application/pdf': { bytes: [...Buffer.from('%PDF-')], label: 'a PDF' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], label: 'a PNG image' },
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], label: 'a JPEG image' },
};
const MAGIC_LENGTH = Math.max(...Object.values(MAGIC).map((m) => m.bytes.length));

/** 26214400 → "25 MB (26214400 bytes)"; small values in bytes only. */
export function describeBytes(bytes: number): string {
  const units = ['KB', 'MB', 'GB'];
  let value = bytes;
  let unit = '';
  for (const u of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  if (!unit) return `${bytes} bytes`;
  return `${Math.round(value * 10) / 10} ${unit} (${bytes} bytes)`;
}

/** "application/PDF; charset=x" → "application/pdf". */
function normaliseMediaType(value: string | null | undefined): string {
  return (value ?? '').split(';')[0].trim().toLowerCase();
}

/** The last path segment, without control characters, at most 255 characters. */
export function safeFileName(name: string | null | undefined): string {
  const base = (name ?? '')
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (!base || base === '.' || base === '..') return 'document';
  if (base.length <= FILE_NAME_MAX) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 16 ? base.slice(dot) : '';
  return base.slice(0, FILE_NAME_MAX - ext.length) + ext;
}

/** Reads the first bytes of a stream and gives back a stream that still yields everything. */
async function peek(stream: Readable, length: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < length) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    if (head.length) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  return { head, stream: Readable.from(rest(), { objectMode: false }) };
}

/** The document as the HTTP API returns it (the storage key stays inside). */
export function documentJson(document: Document) {
  const { storageKey: _key, ...rest } = document;
  return { ...rest, downloadPath: downloadPathOf(document) };
}

export function downloadPathOf(document: Pick<Document, 'id' | 'storageKey'>): string | null {
  return document.storageKey ? `/documents/${document.id}/file` : null;
}

/** For the audit trail: every column but the storage key. */
const audited = (document: Document) => ({ ...document, storageKey: undefined });

/**
 * Documentary evidence of a review: uploaded files (stored with their SHA-256) and links. Nothing is
 * deleted: removal is a retraction that keeps the row and the file.
 */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger('DocumentService');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
  ) {}

  get uploadMaxBytes(): number {
    return this.config.uploadMaxBytes;
  }

  /** The message for a file over the limit; `size` when known exactly. */
  tooLargeMessage(size?: number): string {
    const limit = describeBytes(this.config.uploadMaxBytes);
    return size === undefined
      ? `The file is larger than ${limit}, the limit for an upload.`
      : `The file is ${describeBytes(size)}; the limit is ${limit}.`;
  }

  /**
   * May the caller add documents to this review now? Checked again inside upload() and addLink();
   * the HTTP upload calls it before reading the body, so a refused upload is not received at all.
   */
  async assertCanAdd(user: CurrentUser, reviewId: string, ctx?: Ctx): Promise<Review> {
    if (!isUuid(reviewId)) throw notFound(`Review ${reviewId}`);
    await this.access.require(user, reviewId, 'document.add', ctx);
    const review = await this.access.reviewOrFail(reviewId);
    assertAllowed(review, 'addDocument');
    return review;
  }

  async upload(
    user: CurrentUser,
    reviewId: string,
    file: DocumentFileInput | null | undefined,
    fields: DocumentFields,
    ctx?: Ctx,
  ): Promise<Document> {
    const review = await this.assertCanAdd(user, reviewId, ctx);
    const problems: Problem[] = [];
    const checked = await this.checkFields(review, fields, problems);
    const replacesDocumentId = await this.checkReplaced(user, reviewId, fields.replacesDocumentId, problems, ctx);

    const maxBytes = this.config.uploadMaxBytes;
    const mediaType = normaliseMediaType(file?.mediaType);
    const fileName = safeFileName(file?.originalName);
    let stream: Readable | undefined;
    if (!file || (!file.stream && !file.buffer)) {
      problems.push({ path: 'file', message: 'attach the file (a multipart part named "file")' });
    } else {
      if (!mediaType)
        problems.push({ path: 'file', message: `the file has no media type; send one of ${this.config.uploadMediaTypes.join(', ')}` });
      else if (!this.config.uploadMediaTypes.includes(mediaType)) {
        problems.push({
          path: 'file',
          message: `files of type ${mediaType} are not accepted; send one of ${this.config.uploadMediaTypes.join(', ')}`,
        });
      }
      let head: Buffer;
      if (file.buffer) {
        if (file.buffer.length > maxBytes) problems.push({ path: 'file', message: this.tooLargeMessage(file.buffer.length) });
        head = file.buffer.subarray(0, MAGIC_LENGTH);
        stream = Readable.from(file.buffer);
      } else {
        ({ head, stream } = await peek(file.stream!, MAGIC_LENGTH));
      }
      if (!head.length) problems.push({ path: 'file', message: 'the file is empty' });
      else {
        const magic = MAGIC[mediaType];
        if (magic && !magic.bytes.every((b, i) => head[i] === b)) {
          problems.push({ path: 'file', message: `"${fileName}" is labelled ${mediaType} but its content is not ${magic.label}` });
        }
      }
    }
    if (problems.length) {
      file?.stream?.destroy();
      assertNoProblems(problems, 'The document was not added');
    }

    let stored: StoredFile;
    try {
      stored = await this.storage.put(stream!, { prefix: `documents/${reviewId}`, maxBytes });
    } catch (error) {
      file?.stream?.destroy();
      if (error instanceof FileTooLargeError) {
        const message = this.tooLargeMessage();
        throw badInput(message, [{ path: 'file', message }]);
      }
      throw error;
    }

    try {
      return await this.insert(user, reviewId, {
        ...checked,
        url: null,
        storageKey: stored.key,
        fileName,
        mediaType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        replacesDocumentId,
      });
    } catch (error) {
      // A refused upload leaves no file behind.
      await this.storage.delete(stored.key).catch((e) => this.logger.error(`Could not remove ${stored.key} after a failed insert: ${e}`));
      throw error;
    }
  }

  async addLink(user: CurrentUser, reviewId: string, input: DocumentFields & { url?: string | null }, ctx?: Ctx): Promise<Document> {
    const review = await this.assertCanAdd(user, reviewId, ctx);
    const problems: Problem[] = [];
    const checked = await this.checkFields(review, input, problems);
    const url = (input.url ?? '').trim();
    if (!url) problems.push({ path: 'url', message: 'must not be empty' });
    else if (url.length > URL_MAX) problems.push({ path: 'url', message: `must be at most ${URL_MAX} characters` });
    else {
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        problems.push({ path: 'url', message: 'expected a web address such as https://example.org/report.pdf' });
      }
      if (parsed && parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        problems.push({ path: 'url', message: `must start with http:// or https://, not ${parsed.protocol}` });
      }
    }
    assertNoProblems(problems, 'The document was not added');
    return this.insert(user, reviewId, {
      ...checked,
      url,
      storageKey: null,
      fileName: null,
      mediaType: null,
      sizeBytes: null,
      sha256: null,
      replacesDocumentId: null,
    });
  }

  async retract(user: CurrentUser, documentId: string, reason: string | null | undefined, ctx?: Ctx): Promise<Document> {
    const found = await this.documentOrFail(documentId);
    await this.access.require(user, found.reviewId, 'document.retract', ctx);
    const problems: Problem[] = [];
    const why = (reason ?? '').trim();
    if (!why) problems.push({ path: 'reason', message: 'say why the document is retracted' });
    else if (why.length > REASON_MAX) problems.push({ path: 'reason', message: `must be at most ${REASON_MAX} characters` });
    assertNoProblems(problems, 'The document was not retracted');
    return this.dataSource.transaction(async (manager) => {
      const document = await manager.findOne(Document, { where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
      if (!document) throw notFound(`Document ${documentId}`);
      if (document.retractedAt) {
        throw conflict(`"${document.title}" was already retracted on ${document.retractedAt.toISOString()}: ${document.retractionReason}`);
      }
      const before = { ...document };
      document.retractedAt = new Date();
      document.retractionReason = why;
      await manager.update(Document, { id: document.id }, { retractedAt: document.retractedAt, retractionReason: why });
      await this.audit.record(manager, {
        reviewId: document.reviewId,
        actorId: user.personId,
        action: 'document.retract',
        entityType: 'Document',
        entityId: document.id,
        before: audited(before),
        after: audited(document),
      });
      return document;
    });
  }

  async list(user: CurrentUser, reviewId: string, options: { includeRetracted?: boolean | null } = {}, ctx?: Ctx): Promise<Document[]> {
    if (!isUuid(reviewId)) throw notFound(`Review ${reviewId}`);
    await this.access.require(user, reviewId, 'document.read', ctx);
    return this.dataSource.getRepository(Document).find({
      where: { reviewId, ...(options.includeRetracted ? {} : { retractedAt: IsNull() }) },
      order: { addedAt: 'ASC', id: 'ASC' },
    });
  }

  async get(user: CurrentUser, documentId: string, ctx?: Ctx): Promise<Document> {
    const document = await this.documentOrFail(documentId);
    await this.access.require(user, document.reviewId, 'document.read', ctx);
    return document;
  }

  /** The stored file, for download. Retracted documents stay readable: nothing is lost. */
  async open(user: CurrentUser, documentId: string, ctx?: Ctx): Promise<DocumentDownload> {
    const document = await this.get(user, documentId, ctx);
    if (!document.storageKey) {
      throw badInput(`"${document.title}" is a link, not an uploaded file: follow its url${document.url ? ` ${document.url}` : ''}.`);
    }
    let stream: Readable;
    try {
      stream = await this.storage.get(document.storageKey);
    } catch (error) {
      this.logger.error(`The file of document ${document.id} (${document.storageKey}) is missing from storage: ${error}`);
      throw notFound(`The file of "${document.title}"`);
    }
    return {
      stream,
      fileName: document.fileName ?? 'document',
      mediaType: document.mediaType ?? 'application/octet-stream',
      size: document.sizeBytes ?? 0,
    };
  }

  private async documentOrFail(documentId: string): Promise<Document> {
    const document = isUuid(documentId) ? await this.dataSource.getRepository(Document).findOneBy({ id: documentId }) : null;
    if (!document) throw notFound(`Document ${documentId}`);
    return document;
  }

  /**
   * The document an upload replaces, if one is named: replacing retracts it, so it takes the right to
   * retract; it must be a document of the same review that is not retracted yet. Adds to `problems`.
   */
  private async checkReplaced(
    user: CurrentUser,
    reviewId: string,
    value: string | null | undefined,
    problems: Problem[],
    ctx?: Ctx,
  ): Promise<string | null> {
    const id = (value ?? '').trim();
    if (!id) return null;
    await this.access.require(user, reviewId, 'document.retract', ctx);
    const path = 'replacesDocumentId';
    const earlier = isUuid(id) ? await this.dataSource.getRepository(Document).findOneBy({ id }) : null;
    if (!earlier || earlier.reviewId !== reviewId) problems.push({ path, message: `${id} is not a document of this review` });
    else if (earlier.retractedAt)
      problems.push({
        path,
        message: `"${earlier.title}" was retracted on ${earlier.retractedAt.toISOString()}; only a current document can be replaced`,
      });
    return id;
  }

  /** Title, type and key factors, shared by uploads and links; adds to `problems`. */
  private async checkFields(review: Review, fields: DocumentFields, problems: Problem[]) {
    const title = (fields.title ?? '').trim();
    if (!title) problems.push({ path: 'title', message: 'must not be empty' });
    else if (title.length > TITLE_MAX) problems.push({ path: 'title', message: `must be at most ${TITLE_MAX} characters` });

    const types = Object.values(DocumentType) as string[];
    const type = (fields.type ?? '').trim();
    if (!type) problems.push({ path: 'type', message: `must be one of ${types.join(', ')}` });
    else if (!types.includes(type))
      problems.push({ path: 'type', message: `"${type}" is not a document type; expected one of ${types.join(', ')}` });

    const keyFactorIds = [...new Set((fields.keyFactorIds ?? []).map((id) => id.trim()).filter(Boolean))];
    const wellFormed = keyFactorIds.filter(isUuid);
    const known = wellFormed.length
      ? new Set(
          (await this.dataSource.getRepository(KeyFactor).findBy({ id: In(wellFormed), benchmarkId: review.benchmarkId })).map((k) => k.id),
        )
      : new Set<string>();
    const scope = review.scopeKeyFactorIds ? new Set(review.scopeKeyFactorIds) : null;
    keyFactorIds.forEach((id, i) => {
      const path = `keyFactorIds[${i}]`;
      if (!known.has(id)) problems.push({ path, message: `${id} is not a key factor of this review's benchmark` });
      else if (scope && !scope.has(id)) problems.push({ path, message: `${id} is a key factor outside this review's scope` });
    });
    return { title, type: type as DocumentType, keyFactorIds };
  }

  /** Retracts the earlier version of a document being replaced, in the transaction adding the new one. */
  private async retractReplaced(manager: EntityManager, user: CurrentUser, documentId: string, newTitle: string): Promise<void> {
    const earlier = await manager.findOne(Document, { where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
    if (!earlier) throw notFound(`Document ${documentId}`);
    if (earlier.retractedAt) {
      // Someone retracted or replaced it since the upload was checked.
      throw conflict(
        `"${earlier.title}" was retracted on ${earlier.retractedAt.toISOString()} (${earlier.retractionReason}); reload the documents.`,
      );
    }
    const before = { ...earlier };
    earlier.retractedAt = new Date();
    earlier.retractionReason = `Replaced by a new version: "${newTitle}".`.slice(0, REASON_MAX);
    await manager.update(Document, { id: earlier.id }, { retractedAt: earlier.retractedAt, retractionReason: earlier.retractionReason });
    await this.audit.record(manager, {
      reviewId: earlier.reviewId,
      actorId: user.personId,
      action: 'document.replace',
      entityType: 'Document',
      entityId: earlier.id,
      before: audited(before),
      after: audited(earlier),
    });
  }

  /** Inserts the row and its audit entry in one transaction, re-checking the review is still open. */
  private insert(
    user: CurrentUser,
    reviewId: string,
    values: Omit<Document, 'id' | 'reviewId' | 'addedById' | 'addedAt' | 'retractedAt' | 'retractionReason'>,
  ): Promise<Document> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_read' } });
      if (!review) throw notFound(`Review ${reviewId}`);
      assertAllowed(review, 'addDocument');
      if (values.replacesDocumentId) await this.retractReplaced(manager, user, values.replacesDocumentId, values.title);
      const document = await manager.save(
        manager.create(Document, { ...values, reviewId, addedById: user.personId, retractedAt: null, retractionReason: null }),
      );
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'document.add',
        entityType: 'Document',
        entityId: document.id,
        before: null,
        after: audited(document),
      });
      return document;
    });
  }
}
