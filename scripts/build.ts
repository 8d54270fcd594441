import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { PREBUILT_WORKFLOW_BUNDLE, WORKFLOW_SOURCES } from '../worker.ts';

/**
 * `npm run build`: the server compiled to JavaScript in dist/ (tsconfig.build.json), and the workflow
 * bundle made once, here, for every worker to load (dist/workflow-bundle.js) instead of bundling the
 * workflows at each start. The web UI is `npm run build:web`'s.
 */
const root = path.join(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
console.log('[build] server compiled into dist/');
const { code } = await bundleWorkflowCode({ ...WORKFLOW_SOURCES });
const bundlePath = path.join(dist, PREBUILT_WORKFLOW_BUNDLE);
writeFileSync(bundlePath, code);
console.log(`[build] workflow bundle: ${path.relative(root, bundlePath)} (${Math.round(code.length / 1024)} KiB)`);
