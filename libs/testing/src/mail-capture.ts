import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export interface CapturedMail {
  file: string;
  to: string;
  subject: string;
  text: string;
  messageId?: string;
}

/** Messages the capture transport wrote under DATA_DIR/mail, oldest first. */
export async function capturedMail(dataDir = process.env.DATA_DIR as string): Promise<CapturedMail[]> {
  const dir = join(dataDir, 'mail');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(await readFile(join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
      return { file, to: to ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '', messageId: parsed.messageId };
    }),
  );
}

/** Waits until the capture transport has written a message matching the test (mail goes out through the queue). */
export async function waitForMail(match: (mail: CapturedMail) => boolean, timeoutMs = 15000): Promise<CapturedMail> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = (await capturedMail()).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `No matching mail arrived within ${timeoutMs} ms; captured: ${JSON.stringify((await capturedMail()).map((m) => [m.to, m.subject]))}`,
  );
}
