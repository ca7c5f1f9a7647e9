import { authenticatedFetch } from '../../graphql/client';
import type { Problem } from '../../graphql/errors';

export interface UploadFields {
  title: string;
  type: string;
  keyFactorIds: string[];
  /** A new version of this document (the earlier one is retracted and kept). */
  replacesDocumentId?: string | null;
}

export type UploadOutcome =
  { ok: true; document: { id: string; sha256: string | null; title: string } } | { ok: false; message: string; problems: Problem[] };

/** POST /reviews/:reviewId/documents (multipart), with the signed-in person's token; the API's refusal as it said it. */
export async function uploadDocument(reviewId: string, file: File, fields: UploadFields): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('title', fields.title);
  form.append('type', fields.type);
  for (const id of fields.keyFactorIds) form.append('keyFactorIds', id);
  if (fields.replacesDocumentId) form.append('replacesDocumentId', fields.replacesDocumentId);
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await authenticatedFetch(`/reviews/${reviewId}/documents`, { method: 'POST', body: form });
  } catch {
    return { ok: false, message: '', problems: [] };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && body) return { ok: true, document: body as { id: string; sha256: string | null; title: string } };
  return {
    ok: false,
    message: typeof body?.message === 'string' ? body.message : `${response.status}`,
    problems: Array.isArray(body?.problems) ? (body.problems as Problem[]) : [],
  };
}

/** "report-2024.pdf" → "report-2024": a first guess at the title. */
export const titleFromFileName = (name: string) =>
  name
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_]+/g, ' ')
    .trim();

/** 1536 → "1.5 KB". */
export function sizeLabel(bytes: number | null | undefined, locale: string): string {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}
