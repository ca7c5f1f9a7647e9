import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { FileTooLargeError } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores a file with its size and checksum, and reads it back', async () => {
    const content = 'Minutes of the integration committee, 12 March.';
    const stored = await storage.put(Readable.from([Buffer.from(content)]), { prefix: 'documents' });
    expect(stored.size).toBe(Buffer.byteLength(content));
    expect(stored.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(await text(await storage.get(stored.key))).toBe(content);
    expect(await storage.exists(stored.key)).toBe(true);
    await storage.delete(stored.key);
    expect(await storage.exists(stored.key)).toBe(false);
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1024, 1));
    await expect(storage.put(Readable.from(chunks), { prefix: 'documents', maxBytes: 4096 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(readdirSync(join(root, 'documents'))).toEqual([]);
  });

  it('refuses keys that escape the root', async () => {
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('escapes the root');
  });
});
