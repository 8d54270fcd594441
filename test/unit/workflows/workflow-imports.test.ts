import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_SOURCES } from '../../../worker.ts';

const root = path.join(import.meta.dirname, '..', '..', '..');
const VALUE_IMPORT = /^(?:import|export)\s+(?!type\b)([^;]*?)\bfrom\s+'([^']+)'/gms;

/** Packages the workflow code reaches through value imports (type-only imports are erased before bundling). */
function packagesReachedFrom(...entries: string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, names = '', specifier = ''] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      const listed = names.trim();
      const onlyTypes =
        listed.startsWith('{') &&
        listed
          .slice(1, -1)
          .split(',')
          .filter((n) => n.trim())
          .every((n) => n.trim().startsWith('type '));
      if (onlyTypes) continue;
      if (specifier.startsWith('.')) walk(path.resolve(path.dirname(file), specifier));
      else packages.set(specifier, path.relative(root, file));
    }
  };
  // A package's module (an interceptor module of the SDK's) counts as that package.
  const packageOf = (file: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
  for (const entry of entries) {
    const name = packageOf(entry);
    if (name) packages.set(name, 'worker.ts');
    else walk(path.resolve(root, entry));
  }
  return packages;
}

describe('workflow code', () => {
  it('imports nothing but the Temporal SDK (and the OpenTelemetry API its interceptors bring) at run time: every workflow started evaluates its imports again', () => {
    // Zod reached the bundle through one helper once and cost a filing most of its worker time.
    // The bundle holds the workflows and the workflow interceptors the workers register.
    const bundled = [WORKFLOW_SOURCES.workflowsPath, ...WORKFLOW_SOURCES.workflowInterceptorModules];
    expect(bundled).toContain(path.join(root, 'workflows', 'interceptors.ts'));
    // OpenTelemetry's API is in the bundle anyway (the SDK's interceptors use it); workflow code only
    // keeps a span's context with the work it queues (workflows/request-context.ts).
    const outside = [...packagesReachedFrom(...bundled)].filter(
      ([name]) => !name.startsWith('@temporalio/') && name !== '@opentelemetry/api',
    );
    expect(outside).toEqual([]);
  });

  it('is walked through re-exports and value imports, and sees a package imported for its values', () => {
    expect([...packagesReachedFrom('domain/cases/duplicates.ts').keys()]).toContain('@prisma/adapter-pg');
  });
});
