import mammoth from 'mammoth';
import { spawnSync } from 'node:child_process';
import { capturedMail, GraphqlClient, TestApp, until } from '@peervisit/testing';

/**
 * What the personal-data tests (erasure, consent withdrawal) search for names: every later report in
 * each format, and every email sent after a point in time.
 */

/** The PDF's text by pdf.js (pdf-parse), in a plain Node child: pdf.js needs a dynamic import() jest's sandbox refuses. */
export function pdfText(pdf: Buffer): string {
  const script = `
    const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(result.text);
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { input: pdf, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdf-parse failed: ${run.stderr}`);
  return run.stdout;
}

/** Requests a report version as the expert leader and waits until it is rendered. */
export async function requestReport(leader: GraphqlClient, reviewId: string): Promise<{ id: string; version: number }> {
  const { requestReport } = await leader.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id version } }', { r: reviewId });
  await until(
    `report ${requestReport.version}`,
    async () => (await leader.ok('query($id: ID!) { report(id: $id) { status } }', { id: requestReport.id })).report.status === 'READY',
    60_000,
  );
  return requestReport;
}

/** A report version as text: the HTML, the PDF's text layer and the Word file's text. */
export async function reportTexts(t: TestApp, reader: GraphqlClient, id: string): Promise<{ html: string; pdf: string; docx: string }> {
  const get = (format: string) => fetch(`${t.url}/reports/${id}/${format}`, { headers: { authorization: `Bearer ${reader.token}` } });
  const html = await (await get('html')).text();
  const pdf = pdfText(Buffer.from(await (await get('pdf')).arrayBuffer()));
  const docx = (await mammoth.extractRawText({ buffer: Buffer.from(await (await get('docx')).arrayBuffer()) })).value;
  return { html, pdf, docx };
}

/** The files of the mail captured so far, to tell later mail from earlier. */
export async function mailSoFar(): Promise<Set<string>> {
  return new Set((await capturedMail()).map((m) => m.file));
}

/** Each email captured since `before`, as [subject, the first form of each name found (null when none)]. */
export async function namesInMailSince(before: Set<string>, forms: RegExp[]): Promise<[string, ...(string | null)[]][]> {
  return (await capturedMail())
    .filter((m) => !before.has(m.file))
    .map((m) => {
      const text = `${m.subject}\n${m.text}`;
      return [m.subject, ...forms.map((f) => text.match(f)?.[0] ?? null)];
    });
}
