import { Readable } from 'node:stream';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/** Where documents and reports live. Local disk by default; an object store can implement the same. */
export interface FileStorage {
  /** Writes the stream under a new key; refuses (and leaves nothing) when it exceeds maxBytes. */
  put(stream: Readable, options: { prefix: string; maxBytes?: number }): Promise<StoredFile>;
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes.`);
  }
}
