import { pipeline } from 'node:stream/promises';
import { annex3Header, annex3Rows, annex3Where } from '../domain/annex3.ts';
import { createExportJob, getExportJob, openExportFile } from '../domain/export-jobs.ts';
import { TABLE_CONTENT_TYPES, writeTable } from '../lib/tabular-writers.ts';
import { errorResponses } from './errors.schemas.ts';
import type { AppDeps } from './deps.ts';
import { annex3Query, exportJobBody, exportJobParams, exportJobView } from './exports.schemas.ts';
import { defineRoute } from './route.ts';

const exportSettings = (deps: AppDeps) => ({
  timeZone: deps.config.timeZone,
  utcOffsetMinutes: deps.config.deadlines.utcOffsetMinutes,
  deadlines: deps.config.cycles.deadlines,
});

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
        headers: { 'Content-Type': TABLE_CONTENT_TYPES[query.format], 'Content-Disposition': `attachment; filename="${name}"` },
        body: undefined,
        stream: async (out) =>
          void (await writeTable(query.format, header, rows, out, query.lang === 'zh' ? '联动解决公益项目台账' : 'Linkage ledger')),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/exports/jobs',
    tag: 'exports',
    summary: 'Queue a long Annex 3 export (same parameters as GET /exports/annex3, as a JSON body); poll its status, then download it.',
    authenticated: true,
    schemas: { body: exportJobBody },
    responses: { 202: { description: 'Queued', schema: exportJobView }, ...errorResponses },
    handler: async ({ body, user, deps }) => {
      const job = await createExportJob(
        { prisma: deps.prisma, temporal: deps.temporal, storage: deps.storage, settings: exportSettings(deps) },
        user,
        {
          format: body.format,
          lang: body.lang,
          filter: {
            unitId: body.unit,
            districtId: body.district,
            cycle: body.cycle,
            status: body.status,
            filedFrom: body.filedFrom,
            filedTo: body.filedTo,
          },
        },
      );
      return { status: 202, body: job, headers: { Location: `/exports/jobs/${job.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/exports/jobs/:id',
    tag: 'exports',
    summary: 'An export job’s status and progress (rows written of the total); the download link once completed.',
    authenticated: true,
    schemas: { params: exportJobParams },
    responses: { 200: { description: 'The job', schema: exportJobView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await getExportJob(deps, user, params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/exports/jobs/:id/file',
    tag: 'exports',
    summary: 'Download a completed export.',
    authenticated: true,
    schemas: { params: exportJobParams },
    responses: { 200: { description: 'The file, streamed' }, ...errorResponses, 409: { description: 'Not completed yet' } },
    handler: async ({ params, user, deps }) => {
      const file = await openExportFile(deps, user, params.id);
      return {
        status: 200,
        headers: { 'Content-Type': TABLE_CONTENT_TYPES[file.format], 'Content-Disposition': `attachment; filename="${file.fileName}"` },
        body: undefined,
        stream: (out) => pipeline(file.stream, out, { end: false }),
      };
    },
  }),
];
