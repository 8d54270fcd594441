import type { LifecycleWords } from '../lifecycle.ts';
import type { ExportJobAction, ExportJobState } from './export-job.ts';

/** The export job's states and steps in the words people read; the glossary of model/ gathers them with the other features'. */
export const EXPORT_JOB_GLOSSARY = {
  states: {
    queued: { zh: '排队中', en: 'queued' },
    running: { zh: '导出中', en: 'running' },
    completed: { zh: '已完成', en: 'completed' },
    failed: { zh: '失败', en: 'failed' },
  },
  actions: {
    request: { zh: '后台导出', en: 'request an export' },
    download: { zh: '下载', en: 'download' },
  },
} as const satisfies LifecycleWords<ExportJobState, ExportJobAction>;
