import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/** RFC 6266 / 8187: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A download (a route's answer, with `@Res({ passthrough: true })`): no cache keeps it, and browsers
 * take its type as given. A stream that fails once started cuts the connection, so the client sees
 * a broken download rather than a short file.
 */
export function attachment(
  reply: FastifyReply,
  body: Readable | Uint8Array,
  file: { type: string; disposition: string; length?: number; language?: string },
): StreamableFile {
  reply.header('Cache-Control', 'private, no-store').header('X-Content-Type-Options', 'nosniff');
  if (file.language) reply.header('Content-Language', file.language);
  const options = { type: file.type, disposition: file.disposition, length: file.length };
  // Two constructors, one per kind of body (StreamableFile's overloads take no union).
  return body instanceof Uint8Array ? new StreamableFile(body, options) : new StreamableFile(body, options);
}
