import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, findCycles, layerViolations, type ImportGraph } from '../../../tools/import-graph.ts';

describe('the import graph of the server and the web app', () => {
  const graph = buildImportGraph();

  it('reads every layer, the web app and the tests', () => {
    for (const file of [
      'api/app.ts',
      'domain/cases/cases.ts',
      'model/cases/lifecycle.ts',
      'lib/config.ts',
      'web/src/routes.tsx',
      'worker.ts',
    ])
      expect(graph.has(file), file).toBe(true);
    expect(graph.get('api/route.ts')).toContain('api/tags.ts');
  });

  it('has no circle, type-only imports included', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' <-> '))).toEqual([]);
  });

  it('has no arrow the wrong way between layers', () => {
    expect(layerViolations(graph)).toEqual([]);
  });
});

describe('the import graph reader', () => {
  it('follows type-only imports, re-exports and dynamic imports, and resolves .ts and .tsx', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
    mkdirSync(path.join(root, 'model'));
    mkdirSync(path.join(root, 'domain'));
    const files: Record<string, string> = {
      'model/a.ts': "import type { B } from '../domain/b.ts';\nexport type A = B;\n",
      'domain/b.ts': "export { c } from './c.tsx';\nexport type B = number;\n",
      'domain/c.tsx': "export const c = () => import('./d.ts');\nimport 'some-package';\n",
      'domain/d.ts': "import { type A } from '../model/a.ts';\nexport const d: A = 1;\n",
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
    const read = buildImportGraph(root);
    expect(Object.fromEntries(read)).toEqual({
      'domain/b.ts': ['domain/c.tsx'],
      'domain/c.tsx': ['domain/d.ts'],
      'domain/d.ts': ['model/a.ts'],
      'model/a.ts': ['domain/b.ts'],
    });
    expect(findCycles(read)).toEqual([['domain/b.ts', 'domain/c.tsx', 'domain/d.ts', 'model/a.ts']]);
    expect(layerViolations(read)).toEqual([expect.stringMatching(/^model\/a\.ts -> domain\/b\.ts \(/)]);
  });

  it('finds each circle once, and a file importing itself', () => {
    const synthetic: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts', 'c.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(findCycles(synthetic)).toEqual([['a.ts', 'b.ts'], ['e.ts']]);
  });

  it('lets the domain reach workflows only through their contract', () => {
    const synthetic: ImportGraph = new Map([
      ['domain/x.ts', ['workflows/definitions.ts', 'workflows/cases/case-workflow.ts', 'activities/index.ts']],
      ['workflows/cases/case-workflow.ts', ['domain/x.ts']],
      ['lib/y.ts', ['model/z.ts', 'api/route.ts']],
    ]);
    expect(layerViolations(synthetic).map((line) => line.split(' (')[0])).toEqual([
      'domain/x.ts -> activities/index.ts',
      'domain/x.ts -> workflows/cases/case-workflow.ts',
      'lib/y.ts -> api/route.ts',
      'workflows/cases/case-workflow.ts -> domain/x.ts',
    ]);
  });
});
