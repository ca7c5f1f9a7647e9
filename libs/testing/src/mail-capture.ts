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
