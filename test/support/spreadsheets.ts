import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A supertest parser that keeps a streamed download as one Buffer. */
export const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A cell as text; a CSV field the reader took for a date is given back as the date it was. */
const cellText = (v: unknown) => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** A CSV export read back as a spreadsheet program would: rows of strings, header first. */
export async function readCsv(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([body.toString('utf8').replace(/^\uFEFF/, '')]));
  return sheet
    .getSheetValues()
    .filter(Boolean)
    .map((row) => (row as unknown[]).slice(1).map(cellText));
}

/** An XLSX export's first sheet read back: rows of strings, header first. */
export async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  return sheet
    .getSheetValues()
    .filter(Boolean)
    .map((row) => (row as unknown[]).slice(1).map(cellText));
}
