import { z } from 'zod';
import { AppConfig, CONFIG_VARIABLES } from '../config/config.schema';

/**
 * How far reading a person's file may go (PARSE_* in config.schema.ts): what an archive may expand
 * to, how many parts it may hold, how compressed one part may be, and the time, memory and number of
 * worker threads that reading may take.
 */
export interface ParsingLimits {
  /** All parts of an archive together, expanded. */
  maxExpandedBytes: number;
  /** Parts (files) in an archive. */
  maxEntries: number;
  /** Expanded ÷ compressed size of one part (parts under COMPRESSION_RATIO_FLOOR are not checked). */
  maxCompressionRatio: number;
  /** Wall-clock time for one file (archive check, then the worker thread); also the longest wait for a free thread. */
  timeoutMs: number;
  /** Heap (old generation) of the worker thread that reads it. */
  maxHeapMb: number;
  /** Worker threads reading files at once in this process. */
  maxConcurrent: number;
}

export function parsingLimitsOf(config: AppConfig): ParsingLimits {
  return {
    maxExpandedBytes: config.parseMaxExpandedBytes,
    maxEntries: config.parseMaxEntries,
    maxCompressionRatio: config.parseMaxCompressionRatio,
    timeoutMs: config.parseTimeoutMs,
    maxHeapMb: config.parseMaxHeapMb,
    maxConcurrent: config.parseMaxConcurrent,
  };
}

const byDefault = (name: keyof typeof CONFIG_VARIABLES) =>
  (CONFIG_VARIABLES[name].schema as z.ZodType).parse(CONFIG_VARIABLES[name].default) as number;

/** The defaults of config.schema.ts, for callers outside Nest (scripts, unit tests). */
export const DEFAULT_PARSING_LIMITS: ParsingLimits = {
  maxExpandedBytes: byDefault('PARSE_MAX_EXPANDED_BYTES'),
  maxEntries: byDefault('PARSE_MAX_ENTRIES'),
  maxCompressionRatio: byDefault('PARSE_MAX_COMPRESSION_RATIO'),
  timeoutMs: byDefault('PARSE_TIMEOUT_MS'),
  maxHeapMb: byDefault('PARSE_MAX_HEAP_MB'),
  maxConcurrent: byDefault('PARSE_MAX_CONCURRENT'),
};

/**
 * Why a file was not read, as a sentence the person can act on (the limit it went past). Callers
 * turn it into a BAD_USER_INPUT problem on their file; nothing has been written when it is thrown.
 */
export class ParsingRefused extends Error {
  constructor(
    readonly limit:
      'entries' | 'expanded-size' | 'compression-ratio' | 'declared-size' | 'not-an-archive' | 'time' | 'memory' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'ParsingRefused';
  }
}

/** 52428800 → "50 MB" (binary megabytes, as the limits are configured). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** 15000 → "15 s", 1500 → "1.5 s". */
export const formatSeconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

/** "The Word document" → "the Word document", for use inside a sentence. */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
