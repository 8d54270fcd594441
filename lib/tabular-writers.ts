import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number;
export type Progress = (rowsWritten: number) => void;

/**
 * One CSV field (RFC 4180). A text that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe, so opening an export never executes what a reporter typed.
 */
export function csvField(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

async function write(out: Writable, chunk: string) {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** CSV with a UTF-8 byte-order mark, so Excel reads Chinese text right; honours back-pressure. */
export async function writeCsv(header: string[], rows: AsyncIterable<Cell[]>, out: Writable, onProgress?: Progress): Promise<number> {
  await write(out, `\uFEFF${header.map(csvField).join(',')}\r\n`);
  let count = 0;
  let buffer = '';
  for await (const row of rows) {
    buffer += `${row.map(csvField).join(',')}\r\n`;
    count += 1;
    if (count % 500 === 0) {
      await write(out, buffer);
      buffer = '';
      if (count % 10_000 === 0) onProgress?.(count);
    }
  }
  if (buffer) await write(out, buffer);
  onProgress?.(count);
  return count;
}

/** XLSX written as a stream (no shared strings, rows committed as they come), so memory stays flat. */
export async function writeXlsx(header: string[], rows: AsyncIterable<Cell[]>, out: Writable, sheetName: string, onProgress?: Progress): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(row).commit();
    count += 1;
    if (count % 10_000 === 0) {
      onProgress?.(count);
      // Let the zip stream drain between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.commit();
  await workbook.commit();
  onProgress?.(count);
  return count;
}
