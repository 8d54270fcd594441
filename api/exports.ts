import { annex3Header, annex3Rows, annex3Where } from '../domain/annex3.ts';
import { writeCsv, writeXlsx } from '../lib/tabular-writers.ts';
import { errorResponses } from './errors.schemas.ts';
import { annex3Query } from './exports.schemas.ts';
import { defineRoute } from './route.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/exports/annex3',
    tag: 'exports',
    summary:
      'The linkage ledger (Annex 3) as CSV or XLSX, streamed: one row per case the caller may see, for a unit, a district, a half-year cycle (2026-H2) or a filter; headers in Chinese or English; times in the district’s zone.',
    authenticated: true,
    schemas: { query: annex3Query },
    responses: { 200: { description: 'The file, streamed' }, ...errorResponses },
    handler: async ({ query, user, deps }) => {
      const { utcOffsetMinutes } = deps.config.deadlines;
      const where = annex3Where(
        user,
        {
          unitId: query.unit,
          districtId: query.district,
          cycle: query.cycle,
          status: query.status,
          filedFrom: query.filedFrom,
          filedTo: query.filedTo,
        },
        utcOffsetMinutes,
        deps.config.cycles.deadlines,
      );
      const rows = annex3Rows(deps.prisma, where, query.lang, deps.config.timeZone);
      const header = annex3Header(query.lang);
      const name = `linkage-ledger-${query.cycle ?? new Date().toISOString().slice(0, 10)}.${query.format}`;
      return {
        status: 200,
        headers: { 'Content-Type': CONTENT_TYPES[query.format], 'Content-Disposition': `attachment; filename="${name}"` },
        body: undefined,
        stream: async (out) => {
          if (query.format === 'csv') await writeCsv(header, rows, out);
          else await writeXlsx(header, rows, out, query.lang === 'zh' ? '联动解决公益项目台账' : 'Linkage ledger');
        },
      };
    },
  }),
];
