import type { LifecycleWords, Words } from '../lifecycle.ts';
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

/**
 * What each download is called in its file name, in the language of its headers (English file names
 * are these words in lower case joined by hyphens).
 */
export const DOWNLOAD_WORDS = {
  annex3: { zh: '联动解决公益项目台账', en: 'linkage ledger' },
  appendix1: { zh: '附件1 领导干部四带头情况统计表', en: 'appendix 1 leaders four leads' },
  appendix2: { zh: '附件2 双报到情况统计表', en: 'appendix 2 double reporting' },
  commendations: { zh: '七一表彰名单', en: 'July 1 commendations' },
  memberFeedback: { zh: '党员双报到表现反馈', en: 'member feedback' },
} as const satisfies Record<string, Words>;
