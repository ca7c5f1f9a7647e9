import { checkZipLimits, DEFAULT_PARSING_LIMITS, ParsingLimits, ParsingRefused, runInBoundedWorker } from '@peervisit/platform';
import {
  ConvertGoodPracticeDocxInput,
  fileProblem,
  ReadGoodPracticeDocxOptions,
  ReadGoodPracticeDocxResult,
} from './convert-good-practice-docx';

export type { GoodPracticeDocxProblem, ReadGoodPracticeDocxOptions, ReadGoodPracticeDocxResult } from './convert-good-practice-docx';

const WORD = 'The Word document';

/**
 * Reads a person's Word document in the layout of the ICC template into a `GoodPracticeDocument`
 * (see `convertGoodPracticeDocx` for how), within `limits`: the archive's parts, expanded size and
 * compression are checked first (`checkZipLimits`), and only then does mammoth unpack it, in a
 * bounded worker thread with its own heap and time limit, so that a decompression bomb or a
 * pathological document stops that thread and never the API. Everything found wrong, a limit
 * included, comes back as problems on `file`; nothing is written. Never throws for a bad file (only
 * TOO_MANY_ATTEMPTS when every reading thread stays busy).
 */
export async function readGoodPracticeDocx(
  buffer: Buffer,
  options: ReadGoodPracticeDocxOptions & { limits?: ParsingLimits } = {},
): Promise<ReadGoodPracticeDocxResult> {
  const { limits = DEFAULT_PARSING_LIMITS, ...readOptions } = options;
  if (!Buffer.isBuffer(buffer) || buffer.length === 0) return fileProblem('The file is empty.');
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    return fileProblem(
      'The file is not a Word document (.docx): a .docx file is a ZIP archive, and this one is not. Save it from Word as "Word Document (*.docx)".',
    );
  }
  try {
    await checkZipLimits(buffer, limits, WORD);
    const input: ConvertGoodPracticeDocxInput = { bytes: buffer, options: readOptions };
    return await runInBoundedWorker<ReadGoodPracticeDocxResult>(
      { module: require.resolve('./convert-good-practice-docx'), exportName: 'convertGoodPracticeDocxInThread', input },
      limits,
      WORD,
    );
  } catch (error) {
    if (!(error instanceof ParsingRefused)) throw error;
    // A file that is not even a ZIP archive keeps the message people already know.
    if (error.limit === 'not-an-archive') return fileProblem(`The file could not be read as a Word document (.docx): ${error.message}`);
    return fileProblem(error.message);
  }
}
