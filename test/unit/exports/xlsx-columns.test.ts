import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnWidthsOf, writeXlsx } from '../../../lib/tabular-writers.ts';

async function* rowsOf(rows: string[][]) {
  yield* rows;
}

describe('XLSX columns', () => {
  it('are as wide as their heading, a Chinese character counting two, within bounds', () => {
    expect(columnWidthsOf(['编号', '所在街道（园区）名称', 'A rather long English column heading that goes on and on'])).toEqual([
      12, 24, 40,
    ]);
  });

  it('carry those widths in the written file, which a spreadsheet reads', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const header = ['编号', '所在街道（园区）名称', '问题描述'];
    await writeXlsx(header, rowsOf([['1', '东街街道', '路灯不亮']]), out, '台账');
    out.end();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect([1, 2, 3].map((n) => sheet.getColumn(n).width)).toEqual(columnWidthsOf(header));
    expect(sheet.getRow(2).getCell(3).value).toBe('路灯不亮');
  });
});
