import {
  APPENDIX1_COLUMNS,
  APPENDIX2_COLUMNS,
  APPENDIX_TITLES,
  appendixHeader,
  appendixRow,
  totalOf,
  unitYears,
  type Appendix2Record,
  type AppendixFilter,
  type AppendixLanguage,
} from '../../domain/leaders/appendices.ts';
import type { AuthenticatedUser } from '../../domain/auth/auth.ts';
import { writeTable, type Cell } from '../../lib/tabular-writers.ts';
import { tableFileHeaders } from '../file-response.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses } from '../errors.schemas.ts';
import { appendixQuery } from './leaders.schemas.ts';
import { downloadFileName } from '../../model/exports/download-names.ts';
import { defineRoute, type RouteResult } from '../route.ts';

const TOTAL = { id: '00000000-0000-0000-0000-000000000000', code: 'TOTAL', name: '', kind: 'district' };

type Query = { year: number; format: 'csv' | 'xlsx' | 'json' | 'table'; lang: AppendixLanguage; unit?: string; district?: string };

const unitsFor = (deps: AppDeps, user: AuthenticatedUser, query: Query) => {
  const filter: AppendixFilter = { unitId: query.unit, districtId: query.district };
  return unitYears(deps.prisma, user, filter, query.year, deps.config.leaders);
};

/** Appendix 1: one row per leader. */
async function* appendix1Rows(deps: AppDeps, user: AuthenticatedUser, query: Query): AsyncGenerator<Cell[]> {
  for await (const unit of unitsFor(deps, user, query))
    for (const row of unit.leaders) yield appendixRow(APPENDIX1_COLUMNS, row, query.lang);
}

/** Appendix 2: one row per unit and leadership body, then their total. */
async function* appendix2Rows(deps: AppDeps, user: AuthenticatedUser, query: Query): AsyncGenerator<Cell[]> {
  const seen: Appendix2Record[] = [];
  for await (const unit of unitsFor(deps, user, query)) {
    seen.push(unit.summary);
    yield appendixRow(APPENDIX2_COLUMNS, unit.summary, query.lang);
  }
  yield appendixRow(APPENDIX2_COLUMNS, totalOf({ ...TOTAL, name: query.lang === 'zh' ? '合计' : 'Total' }, seen), query.lang);
}

/** The dashboard's JSON: the records themselves (both appendices read the same per-unit pass). */
async function appendixJson(deps: AppDeps, user: AuthenticatedUser, query: Query, which: 1 | 2) {
  const units = [];
  for await (const unit of unitsFor(deps, user, query)) units.push(unit);
  const summaries = units.map((u) => u.summary);
  return which === 1
    ? { year: query.year, rows: units.flatMap((u) => u.leaders) }
    : { year: query.year, rows: summaries, total: totalOf({ ...TOTAL, name: 'Total' }, summaries) };
}

/** The header and the rows of one appendix in the asked language: the file's cells, for the screens' preview. */
function appendixTable(which: 1 | 2, deps: AppDeps, user: AuthenticatedUser, query: Query) {
  const header = which === 1 ? appendixHeader(APPENDIX1_COLUMNS, query.lang) : appendixHeader(APPENDIX2_COLUMNS, query.lang);
  const rows = which === 1 ? appendix1Rows(deps, user, query) : appendix2Rows(deps, user, query);
  return { header, rows, title: APPENDIX_TITLES[which][query.lang] };
}

async function appendixPreview(which: 1 | 2, deps: AppDeps, user: AuthenticatedUser, query: Query) {
  const { header, rows, title } = appendixTable(which, deps, user, query);
  const cells: Cell[][] = [];
  for await (const row of rows) cells.push(row);
  return { year: query.year, title, header, rows: cells };
}

function appendixFile(which: 1 | 2, deps: AppDeps, user: AuthenticatedUser, query: Query & { format: 'csv' | 'xlsx' }): RouteResult {
  const { header, rows, title } = appendixTable(which, deps, user, query);
  const name = downloadFileName(which === 1 ? 'appendix1' : 'appendix2', query.lang, query.year, query.format);
  return {
    status: 200,
    headers: tableFileHeaders(query.format, name),
    body: undefined,
    stream: async (out) => void (await writeTable(query.format, header, rows, out, title.slice(0, 31))),
  };
}

const appendixRoute = (which: 1 | 2, summary: string) =>
  defineRoute({
    method: 'get',
    path: `/appendices/${which}`,
    operationId: `getAppendix${which}`,
    tag: 'leaders',
    summary,
    authenticated: true,
    schemas: { query: appendixQuery },
    responses: {
      200: { description: 'The table: CSV or XLSX streamed, JSON records, or (`table`) the file’s title, header and rows' },
      ...errorResponses,
    },
    handler: async ({ query, user, deps }) => {
      if (query.format === 'json') return { status: 200, body: await appendixJson(deps, user, query, which) };
      if (query.format === 'table') return { status: 200, body: await appendixPreview(which, deps, user, query) };
      return appendixFile(which, deps, user, { ...query, format: query.format });
    },
  });

export const appendixRoutes = [
  appendixRoute(
    1,
    'Appendix 1 for a year (the screens preview it as `format=table`): one row per leader the caller may see (unit, name, post, rank; for each item required, done and dates; all four leads met; final or not). CSV/XLSX with Chinese or English headers, streamed; or JSON.',
  ),
  appendixRoute(
    2,
    'Appendix 2 for a year: one row per unit and leadership body the caller may see (leaders, principals, principals meeting all four leads, confirmed activities by kind, projects claimed and completed, opinions collected), then the total. CSV/XLSX streamed, or JSON.',
  ),
];
