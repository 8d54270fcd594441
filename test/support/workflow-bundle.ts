import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_SOURCES } from '../../worker.ts';

const silentBundlerLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

/** The workflow code as one bundle, for test workers and replays. */
export const bundleWorkflows = () => bundleWorkflowCode({ ...WORKFLOW_SOURCES, logger: silentBundlerLogger });
