import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagesReachedFrom } from '../../../tools/package-imports.ts';
import { WORKFLOW_SOURCES } from '../../../worker.ts';

const root = path.join(import.meta.dirname, '..', '..', '..');

describe('workflow code', () => {
  it('imports nothing but the Temporal SDK (and the OpenTelemetry API its interceptors bring) at run time: every workflow started evaluates its imports again', () => {
    // Zod reached the bundle through one helper once and cost a filing most of its worker time.
    // The bundle holds the workflows and the workflow interceptors the workers register.
    const bundled = [WORKFLOW_SOURCES.workflowsPath, ...WORKFLOW_SOURCES.workflowInterceptorModules];
    expect(bundled).toContain(path.join(root, 'workflows', 'interceptors.ts'));
    // OpenTelemetry's API is in the bundle anyway (the SDK's interceptors use it); workflow code only
    // keeps a span's context with the work it queues (workflows/request-context.ts).
    const outside = [...packagesReachedFrom(root, ...bundled)].filter(
      ([name]) => !name.startsWith('@temporalio/') && name !== '@opentelemetry/api',
    );
    expect(outside).toEqual([]);
  });

  it('is walked through re-exports and value imports, and sees a package imported for its values', () => {
    expect([...packagesReachedFrom(root, 'domain/cases/duplicates.ts').keys()]).toContain('@prisma/adapter-pg');
  });
});
