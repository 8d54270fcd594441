import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../model/directory/roles.ts';
import { EXPORT_JOB_LIFECYCLE as JOB, EXPORT_JOB_STATES, FINAL_EXPORT_JOB_STATES } from '../../../model/exports/export-job.ts';

describe('the export job table', () => {
  it('offers every role the download of a completed job, and nothing before or after a failure', () => {
    for (const role of ROLES) {
      expect(JOB.allowedActions('completed', role)).toEqual(['download']);
      for (const state of EXPORT_JOB_STATES.filter((s) => s !== 'completed')) expect(JOB.allowedActions(state, role)).toEqual([]);
    }
    expect(JOB.refuse('download', 'running', 'district_officer')).toMatchObject({ kind: 'invalid_state', allowedFrom: ['completed'] });
    expect(JOB.refuse('download', 'completed', 'system')).toMatchObject({ kind: 'forbidden' });
    expect(JOB.rolesFor('request')).toEqual([...ROLES]);
    expect(JOB.rolesFor('download')).toEqual([...ROLES]);
  });

  it('moves a job only forward: queued, running while rows are written, then completed or failed for good', () => {
    expect(JOB.targetOf('request', null)).toBe('queued');
    expect(JOB.targetOf('writeRows', 'queued')).toBe('running');
    expect(JOB.targetOf('writeRows', 'running')).toBe('running');
    expect(JOB.targetOf('complete', 'queued')).toBe('completed');
    expect(JOB.targetOf('fail', 'running')).toBe('failed');
    expect(JOB.targetOf('giveUp', 'queued')).toBe('failed');
    expect(() => JOB.targetOf('giveUp', 'running')).toThrow(/cannot start/);
    for (const final of FINAL_EXPORT_JOB_STATES) {
      for (const move of ['writeRows', 'complete', 'fail', 'giveUp'] as const) expect(() => JOB.targetOf(move, final)).toThrow();
    }
  });
});
