import type { Writable } from 'node:stream';
import type { Config } from '../../lib/config.ts';
import type { Db } from '../../lib/db.ts';
import type { Annex3Settings } from '../../model/exports/export-settings.ts';
import { writeCsv, writeXlsx, type Progress } from '../../lib/tabular-writers.ts';
import { districtDateOf as districtDate } from '../../lib/district-time.ts';
import { downloadFileName } from '../../model/exports/download-names.ts';
import { annex3Count, annex3Header, annex3Rows, annex3Where, type Annex3Filter, type Annex3Language } from './annex3.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { recordPersonalDataAccess } from '../auth/access-log.ts';

/**
 * The one Annex 3 pipeline: the download (GET /exports/annex3), the export job's activity and
 * `npm run export:annex3` all write their file here, so the same request gives the same file.
 */
export type Annex3Format = 'csv' | 'xlsx';
export type Annex3Request = { format: Annex3Format; lang: Annex3Language; filter: Annex3Filter };
type Annex3Deps = { prisma: Db; settings: Annex3Settings };
/** Rows written so far, of the rows the request selects. */
type Annex3Progress = (rowsWritten: number, totalRows: number) => void;

export const annex3SettingsOf = (config: Config): Annex3Settings => ({
  timeZone: config.districtTime.zone,
  utcOffsetMinutes: config.districtTime.utcOffsetMinutes,
  deadlines: config.cycles.deadlines,
});

/** The worksheet's name: the ledger's title in the language of its headers. */
export const annex3SheetName = (lang: Annex3Language) => (lang === 'zh' ? '联动解决公益项目台账' : 'Linkage ledger');

/** A downloaded file is named after the half-year it covers, else after the district's date it was written on, in its headers' language. */
export function annex3FileName(
  request: Pick<Annex3Request, 'format' | 'filter' | 'lang'>,
  writtenAt: Date,
  utcOffsetMinutes: number,
): string {
  return downloadFileName('annex3', request.lang, request.filter.cycle ?? districtDate(writtenAt, utcOffsetMinutes), request.format);
}

/**
 * Writes the rows of the ledger the user may see and the request selects to `out`, as they come
 * (memory stays flat), and returns how many were written. With `onProgress` the rows are counted
 * first, and it is called with 0 before the first row and then as the writer advances.
 */
export async function writeAnnex3(
  deps: Annex3Deps,
  user: AuthenticatedUser,
  request: Annex3Request,
  out: Writable,
  onProgress?: Annex3Progress,
): Promise<number> {
  const { prisma, settings } = deps;
  const where = await annex3Where(prisma, user, request.filter, settings.utcOffsetMinutes, settings.deadlines);
  let progress: Progress | undefined;
  if (onProgress) {
    const totalRows = await annex3Count(prisma, where);
    onProgress(0, totalRows);
    progress = (rowsWritten) => onProgress(rowsWritten, totalRows);
  }
  const header = annex3Header(request.lang);
  const rows = annex3Rows(prisma, user, where, request.lang, settings.timeZone);
  return request.format === 'csv'
    ? writeCsv(header, rows, out, progress)
    : writeXlsx(header, rows, out, annex3SheetName(request.lang), progress);
}

/** A direct download, written to the access log (it has no job) before a byte of it is sent: returns the writer of the file. */
export async function openAnnex3Download(deps: Annex3Deps, user: AuthenticatedUser, request: Annex3Request) {
  await recordPersonalDataAccess(deps.prisma, user, [{ kind: 'ledger_export', subjectId: null, detail: request }]);
  return async (out: Writable) => {
    await writeAnnex3(deps, user, request, out);
  };
}
