import { Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import yauzl, { Entry, ZipFile } from 'yauzl';
import { formatBytes, formatSeconds, lowerFirst, ParsingLimits, ParsingRefused } from './parsing-limits';

const logger = new Logger('ZipLimits');

/** Parts smaller than this are not checked for their compression ratio: small runs of repeated XML legitimately compress well. */
export const COMPRESSION_RATIO_FLOOR = 1024 * 1024;

export interface ZipSummary {
  entries: number;
  /** Bytes all parts expand to (declared, and checked against the data). */
  expandedBytes: number;
}

/**
 * Checks an uploaded ZIP archive (a .docx, .xlsx, .odt …) against the limits before anything else
 * unpacks it. First the central directory alone: the number of parts, the sizes they declare
 * (together at most `maxExpandedBytes`) and each part's compression ratio. Then every part is
 * inflated once, through yauzl, which fails as soon as a part yields more (or fewer) bytes than it
 * declared: so the declared sizes, which the first step trusted, are proven too, and no more than
 * `maxExpandedBytes` is ever inflated. Inflating runs on libuv's thread pool in chunks, never
 * holding a whole part; the event loop only counts bytes. Everything within `timeoutMs`.
 *
 * `what` names the file in messages ("The Word document"). Throws ParsingRefused.
 */
export async function checkZipLimits(
  buffer: Buffer,
  limits: Pick<ParsingLimits, 'maxEntries' | 'maxExpandedBytes' | 'maxCompressionRatio' | 'timeoutMs'>,
  what = 'The file',
): Promise<ZipSummary> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true });
  } catch (error) {
    throw new ParsingRefused('not-an-archive', `${what} is not a valid ZIP archive (${reason(error)}).`);
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  const started = Date.now();
  try {
    return await Promise.race([
      inspect(zip, limits, what, abort.signal),
      new Promise<never>((_, reject) =>
        abort.signal.addEventListener('abort', () =>
          reject(new ParsingRefused('time', `${what} took longer than ${formatSeconds(limits.timeoutMs)} to unpack and was not read.`)),
        ),
      ),
    ]);
  } catch (error) {
    // A person's file went past a limit: worth knowing when it happens often (or to everyone).
    if (error instanceof ParsingRefused) logger.warn(`Refused ${lowerFirst(what)} (${error.limit} limit) after ${Date.now() - started} ms`);
    throw error;
  } finally {
    clearTimeout(timer);
    zip.close();
  }
}

async function inspect(
  zip: ZipFile,
  limits: Pick<ParsingLimits, 'maxEntries' | 'maxExpandedBytes' | 'maxCompressionRatio'>,
  what: string,
  signal: AbortSignal,
): Promise<ZipSummary> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ParsingRefused(
      'entries',
      `${what} holds ${zip.entryCount} parts; at most ${limits.maxEntries} are accepted. Remove embedded files or split it.`,
    );
  }
  const entries: Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      if (entries.length > limits.maxEntries) {
        throw new ParsingRefused(
          'entries',
          `${what} holds more than ${limits.maxEntries} parts, the most accepted. Remove embedded files or split it.`,
        );
      }
      if (entry.isEncrypted())
        throw new ParsingRefused('unreadable', `${what} is encrypted (part "${entry.fileName}"); save it without a password.`);
      if (!entry.canDecodeFileData()) {
        throw new ParsingRefused(
          'unreadable',
          `${what} uses a compression method that is not supported (part "${entry.fileName}"); save it again with the usual settings.`,
        );
      }
      declared += entry.uncompressedSize;
      if (declared > limits.maxExpandedBytes) {
        throw new ParsingRefused(
          'expanded-size',
          `${what} expands to more than ${formatBytes(limits.maxExpandedBytes)}, the most accepted (its parts declare at least ${formatBytes(declared)}). Remove large images or embedded files, or split it.`,
        );
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > COMPRESSION_RATIO_FLOOR && ratio > limits.maxCompressionRatio) {
        throw new ParsingRefused(
          'compression-ratio',
          `Part "${entry.fileName}" of ${lowerFirst(what)} expands ${Math.round(ratio)}-fold (${formatBytes(entry.compressedSize)} to ${formatBytes(entry.uncompressedSize)}); at most ${limits.maxCompressionRatio}-fold is accepted, so it looks like a decompression bomb rather than a document. Save the document again from the program that made it.`,
        );
      }
    }
  } catch (error) {
    if (error instanceof ParsingRefused) throw error;
    throw new ParsingRefused('not-an-archive', `${what} is not a valid ZIP archive (${reason(error)}).`);
  }
  for (const entry of entries) await drain(zip, entry, what, signal);
  return { entries: entries.length, expandedBytes: declared };
}

/** Inflates one part and throws away the bytes; yauzl fails the stream when they differ from the declared size. */
async function drain(zip: ZipFile, entry: Entry, what: string, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let stream: Readable | undefined;
  try {
    stream = await zip.openReadStreamPromise(entry);
    const onAbort = () => stream?.destroy();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const _chunk of stream) {
        // Counting is yauzl's: validateEntrySizes stops the stream at the first byte past the declared size.
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  } catch (error) {
    if (signal.aborted) return;
    const message = reason(error);
    const lie = /too many bytes|not enough bytes/i.test(message);
    throw new ParsingRefused(
      lie ? 'declared-size' : 'unreadable',
      lie
        ? `Part "${entry.fileName}" of ${lowerFirst(what)} does not hold the size it declares (${message}): the file is damaged or forged. Save it again from the program that made it.`
        : `Part "${entry.fileName}" of ${lowerFirst(what)} could not be unpacked (${message}). Save it again from the program that made it.`,
    );
  } finally {
    stream?.destroy();
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
