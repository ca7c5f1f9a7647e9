import { stringify } from 'csv-stringify/sync';
import type ExcelJSModule from 'exceljs';

/** One cell of an export: text, a number, or empty. */
export type Cell = string | number | null;

/** One table of an export: a sheet in XLSX, the whole file in CSV. */
export interface Sheet {
  name: string;
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection": `=`, `+`,
 * `-`, `@`, and tab and carriage return, which some spreadsheets skip before looking).
 */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/**
 * The one rule against formula injection: text that begins like a formula is written as text. In
 * CSV it gets a leading single quote (OWASP's advice: spreadsheets show the text and do not evaluate
 * it); in XLSX it stays a string cell (never a formula object) with the text number format.
 * Numbers are numbers and are never changed.
 */
export function startsLikeFormula(value: Cell): value is string {
  return typeof value === 'string' && value.length > 0 && FORMULA_TRIGGERS.includes(value[0]);
}

/** A cell as CSV writes it. */
export function csvCell(value: Cell): string | number {
  if (value === null) return '';
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** The CSV of one table (UTF-8 with a byte-order mark, so spreadsheets read accents right; CRLF lines). */
export function toCsv(sheet: Sheet): Buffer {
  const text = stringify([sheet.columns.map((c) => csvCell(c.header)), ...sheet.rows.map((row) => row.map(csvCell))], {
    bom: true,
    record_delimiter: 'windows',
  });
  return Buffer.from(text, 'utf8');
}

/** An XLSX workbook with one worksheet per table; every text is a string cell, whatever it begins with. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  // Loaded on first use: exceljs is the largest library the API carries, and most processes never export.
  const ExcelJS: typeof ExcelJSModule = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PeerVisit';
  // A fixed date: the same data gives the same cells (the file's own timestamp is not data).
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.rows.forEach((values, r) => {
      const row = worksheet.getRow(r + 2);
      values.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        if (value === null) return;
        if (typeof value === 'number') {
          cell.value = value;
          return;
        }
        // A plain string: exceljs stores it as a (shared) string, never as a formula; the text format
        // keeps a spreadsheet from turning it into one when someone edits the cell.
        cell.value = value;
        if (startsLikeFormula(value)) cell.numFmt = '@';
        cell.alignment = { wrapText: value.includes('\n'), vertical: 'top' };
      });
      row.commit?.();
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
