import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import archiver from 'archiver';

export type Cell = string | number;
export type Progress = (rowsWritten: number) => void;

/**
 * One CSV field (RFC 4180). A text that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe, so opening an export never executes what a reporter typed.
 */
const CSV_SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;

export function csvField(value: Cell): string {
  if (typeof value === 'number') return String(value);
  if (!CSV_SPECIAL.test(value)) return value;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

async function write(out: Writable, chunk: string) {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** One CSV line, fields joined without an intermediate array. */
function csvLine(row: Cell[]): string {
  let line = '';
  for (let i = 0; i < row.length; i += 1) line += i === 0 ? csvField(row[i]!) : `,${csvField(row[i]!)}`;
  return `${line}\r\n`;
}

/** Rows are handed to the output in chunks of about this many characters: few writes, flat memory. */
const CHUNK_CHARS = 256 * 1024;

/** CSV with a UTF-8 byte-order mark, so Excel reads Chinese text right; honours back-pressure. */
export async function writeCsv(header: string[], rows: AsyncIterable<Cell[]>, out: Writable, onProgress?: Progress): Promise<number> {
  await write(out, `\uFEFF${csvLine(header)}`);
  let count = 0;
  let buffer = '';
  for await (const row of rows) {
    buffer += csvLine(row);
    count += 1;
    if (buffer.length >= CHUNK_CHARS) {
      await write(out, buffer);
      buffer = '';
    }
    if (count % 10_000 === 0) onProgress?.(count);
  }
  if (buffer) await write(out, buffer);
  onProgress?.(count);
  return count;
}

// Characters XML 1.0 forbids (controls other than tab, LF, CR; unpaired surrogates; U+FFFE/U+FFFF),
// and those that must be escaped.
// eslint-disable-next-line no-control-regex -- matching the forbidden control characters is the point
const FORBIDDEN_IN_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_SPECIAL = /[&<>]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text as XML 1.0 allows it: escaped, without the control characters it forbids. */
function xmlText(value: string): string {
  const allowed = value.replace(FORBIDDEN_IN_XML, '');
  return allowed.replace(XML_SPECIAL, (ch) => XML_ESCAPES[ch] ?? ch);
}

/** A, B, ... Z, AA, AB, ...: the column part of a cell reference. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const columnNames: string[] = [];
const columnNameOf = (index: number) => (columnNames[index] ??= columnName(index));

function xlsxRow(index: number, cells: Cell[], style?: number): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  let body = '';
  for (let column = 0; column < cells.length; column += 1) {
    const cell = cells[column]!;
    const ref = `${columnNameOf(column)}${index}`;
    body +=
      typeof cell === 'number'
        ? `<c r="${ref}"${s}><v>${cell}</v></c>`
        : `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  }
  return `<row r="${index}">${body}</row>`;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function xlsxParts(sheetName: string): Record<string, string> {
  return {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${xmlText(sheetName).replace(/"/g, '&quot;')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`,
  };
}

/** How many narrow columns a text takes: a Chinese (or other wide) character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * Column widths from the header, since the rows stream past and are never held: wide enough for the
 * header and a date or a name beside it, narrow enough that a long heading does not push the rest off
 * the screen (text in the cells may run on; a reader widens that column).
 */
export const columnWidthsOf = (header: string[]) => header.map((title) => Math.min(40, Math.max(12, displayWidth(title) + 4)));

const colsXml = (header: string[]) =>
  `<cols>${columnWidthsOf(header)
    .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join('')}</cols>`;

/**
 * XLSX written as a true stream: the sheet's XML is generated row by row and pulled through the zip
 * compressor as fast as the output takes it, so memory stays flat whatever the row count (a
 * spreadsheet library's streaming writer was measured holding the whole sheet in buffers).
 */
export async function writeXlsx(
  header: string[],
  rows: AsyncIterable<Cell[]>,
  out: Writable,
  sheetName: string,
  onProgress?: Progress,
): Promise<number> {
  let count = 0;
  async function* sheetXml() {
    yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>${colsXml(header)}<sheetData>`;
    yield xlsxRow(1, header, 1);
    let chunk = '';
    for await (const row of rows) {
      count += 1;
      chunk += xlsxRow(count + 1, row);
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
      if (count % 10_000 === 0) onProgress?.(count);
    }
    yield `${chunk}</sheetData></worksheet>`;
  }
  // Fastest deflate: a sheet compresses well even so, and level 6 took most of an export's time.
  const archive = archiver('zip', { zlib: { level: 1 } });
  const failed = new Promise<never>((_, reject) => archive.once('error', reject));
  archive.pipe(out, { end: false });
  for (const [name, xml] of Object.entries(xlsxParts(sheetName))) archive.append(xml, { name });
  archive.append(Readable.from(sheetXml()), { name: 'xl/worksheets/sheet1.xml' });
  await Promise.race([archive.finalize(), failed]);
  if (!archive.readableEnded) await Promise.race([once(archive, 'end'), failed]);
  onProgress?.(count);
  return count;
}

export const TABLE_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The same table as CSV or XLSX (the sheet named `sheetName`). */
export function writeTable(
  format: 'csv' | 'xlsx',
  header: string[],
  rows: AsyncIterable<Cell[]>,
  out: Writable,
  sheetName: string,
  onProgress?: Progress,
): Promise<number> {
  return format === 'csv' ? writeCsv(header, rows, out, onProgress) : writeXlsx(header, rows, out, sheetName, onProgress);
}
