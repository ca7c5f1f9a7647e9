import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturedMail } from '../../../libs/testing/src/mail-capture';
import { expect, fixture, TEST_PASSWORD } from './fixture';
import { graphql } from './global-setup';

// What the browser tests do outside the browser: what other people do through the API, the mail the
// API sent, and the files it served.

/** A GraphQL request to the tests' API; its data, or a thrown error with the API's messages. */
export const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphql(fixture().baseUrl, query, variables, token);

/** An access token of a person, signed in through the API. */
export const tokenOf = async (email: string, password = TEST_PASSWORD): Promise<string> =>
  (await gql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }', { e: email, p: password })).signIn
    .accessToken;

/** The first mail to `to` whose subject matches, once it has arrived (the API sends through its queue into DATA_DIR/mail). */
export async function mailTo(to: string, subject: RegExp) {
  const { dataDir } = fixture();
  const find = async () => (await capturedMail(dataDir)).find((m) => m.to.includes(to) && subject.test(m.subject));
  await expect.poll(async () => !!(await find()), { timeout: 30_000 }).toBe(true);
  return (await find())!;
}

/** The text of a PDF, by poppler's pdftotext; `layout` keeps a table's columns on their lines. */
export function pdfText(bytes: Buffer, layout = false): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pv-pdf-')), 'file.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

/** A one-page PDF with a line of text (ASCII), as a city's scanned document would be, built here so a test knows its bytes. */
export function onePagePdf(line: string): Buffer {
  const content = `BT /F1 18 Tf 72 760 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
