import type { HalfYearDeadlines } from '../../lib/half-years.ts';

/** How the district reads dates; plain data, so an export job carries it to the worker. */
export type Annex3Settings = { timeZone: string; utcOffsetMinutes: number; deadlines: HalfYearDeadlines };

/** What the export workflow is started with: the job (its row holds the request) and the district's settings. */
export type Annex3ExportInput = { jobId: string; settings: Annex3Settings };
