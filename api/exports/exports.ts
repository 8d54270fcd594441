import { pipeline } from 'node:stream/promises';
import { annex3FileName, annex3SettingsOf, openAnnex3Download } from '../../domain/exports/annex3-export.ts';
import { createExportJob, getExportJob, listExportJobs, openExportFile } from '../../domain/exports/jobs.ts';
import { errorResponses } from '../errors.schemas.ts';
import { tableFileHeaders } from '../file-response.ts';
import type { AppDeps } from '../deps.ts';
import { annex3Parameters, exportJobList, exportJobParams, exportJobView, listExportJobsQuery } from './exports.schemas.ts';
import { defineRoute } from '../route.ts';
import { EXPORT_JOB_LIFECYCLE as EXPORT_JOB } from '../../model/exports/export-job.ts';

const annex3Deps = (deps: AppDeps) => ({ prisma: deps.prisma, settings: annex3SettingsOf(deps.config) });

export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/exports/annex3',
    operationId: 'exportAnnex3',
    tag: 'exports',
    summary:
      'The linkage ledger (Annex 3) as CSV or XLSX, streamed: one row per case the caller may see, for a unit, a district, a half-year cycle (2026-H2) or a filter; headers in Chinese or English; times in the district’s zone.',
    authenticated: true,
    schemas: { query: annex3Parameters },
    responses: { 200: { description: 'The file, streamed' }, ...errorResponses },
    handler: async ({ query: request, user, deps }) => ({
      status: 200,
      headers: tableFileHeaders(request.format, annex3FileName(request, deps.clock.now(), deps.config.districtTime.utcOffsetMinutes)),
      body: undefined,
      stream: await openAnnex3Download(annex3Deps(deps), user, request),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/exports/jobs',
    operationId: 'createExportJob',
    tag: 'exports',
    summary:
      'Queue a long Annex 3 export (same parameters as GET /exports/annex3, as a JSON body); poll its status, then download it. Queued also while Temporal is unreachable: the export starts once it answers, or fails visibly after EXPORT_START_GIVE_UP_MINUTES.',
    authenticated: true,
    idempotency: 'optional',
    roles: EXPORT_JOB.rolesFor('request'),
    schemas: { body: annex3Parameters },
    responses: { 202: { description: 'Queued', schema: exportJobView }, ...errorResponses },
    handler: async ({ body, user, deps }) => {
      const job = await createExportJob({ ...annex3Deps(deps), temporal: deps.temporal }, user, body);
      return { status: 202, body: job, headers: { Location: `/exports/jobs/${job.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/exports/jobs',
    operationId: 'listExportJobs',
    tag: 'exports',
    summary: 'The caller’s own export jobs, newest first, with status and progress; follow nextCursor for older ones.',
    authenticated: true,
    schemas: { query: listExportJobsQuery },
    responses: { 200: { description: 'A page of jobs', schema: exportJobList }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({ status: 200, body: await listExportJobs(deps.prisma, user, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/exports/jobs/:id',
    operationId: 'getExportJob',
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
    operationId: 'downloadExportFile',
    tag: 'exports',
    summary: 'Download a completed export.',
    authenticated: true,
    roles: EXPORT_JOB.rolesFor('download'),
    schemas: { params: exportJobParams },
    responses: { 200: { description: 'The file, streamed' }, ...errorResponses, 409: { description: 'Not completed yet' } },
    handler: async ({ params, user, deps }) => {
      const file = await openExportFile({ ...annex3Deps(deps), storage: deps.storage }, user, params.id);
      return {
        status: 200,
        headers: tableFileHeaders(file.format, file.fileName),
        body: undefined,
        stream: (out) => pipeline(file.stream, out, { end: false }),
      };
    },
  }),
];
