import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOf, packagesReachedFrom } from '../../../tools/package-imports.ts';

const root = path.join(import.meta.dirname, '..', '..', '..');
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as T;
const pkg = read<{ scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> }>(
  'package.json',
);
const build = read<{ files: string[] }>('tsconfig.build.json');

describe('the production build', () => {
  it('compiles the entry points that start:api and start:worker run with node', () => {
    expect(pkg.scripts['start:api']).toBe('node dist/api/server.js');
    expect(pkg.scripts['start:worker']).toBe('node dist/worker.js');
    expect(build.files).toEqual(expect.arrayContaining(['api/server.ts', 'worker.ts']));
  });

  it('reaches only dependencies at run time (installed with npm ci --omit=dev), never a development tool', () => {
    const reached = packagesReachedFrom(root, ...build.files);
    const outside = [...reached]
      .map(([specifier, from]) => ({ name: packageOf(specifier), from }))
      .filter(({ name }) => !name.startsWith('node:') && !builtinModules.includes(name) && !(name in pkg.dependencies));
    expect(outside).toEqual([]);
    // The walk does see packages (Express from the API, the generated Prisma client's runtime).
    expect([...reached.keys()].map(packageOf)).toEqual(expect.arrayContaining(['express', '@prisma/client', '@temporalio/worker']));
  });

  it('keeps the test server kit, tsx and the type checker out of the dependencies', () => {
    for (const tool of ['@temporalio/testing', 'tsx', 'typescript', 'vitest']) expect(Object.keys(pkg.dependencies)).not.toContain(tool);
  });
});
