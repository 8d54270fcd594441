import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * Every import between the project's own files, type-only ones included (a type import is still
 * an arrow a reader must follow, and a circle of them still ties the modules together). A unit
 * test keeps the graph free of circles and of arrows that point the wrong way between layers;
 * `npx tsx tools/import-graph.ts` prints what it finds.
 */
export const PROJECT_ROOT = path.join(import.meta.dirname, '..');

/** Folders that hold no source of ours: installed, generated or built. */
const NOT_SOURCE = new Set(['node_modules', 'generated', '.cache', '.data', '.git', 'dist', 'coverage']);

/** file (relative to the project root, with `/`) -> the project files it imports. */
export type ImportGraph = Map<string, string[]>;

export function buildImportGraph(root: string = PROJECT_ROOT): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root, root)) graph.set(file, importsOf(root, file));
  return graph;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (NOT_SOURCE.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [toProjectPath(root, full)] : [];
  });
}

const toProjectPath = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** The relative imports of a file, resolved to project files: `import`, `import type`, `export … from` and `import()`. */
export function importsOf(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const resolved = importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(root, file, specifier))
    .filter((target): target is string => target !== undefined);
  return [...new Set(resolved)];
}

function resolve(root: string, from: string, specifier: string): string | undefined {
  const base = path.join(root, path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return found && /\.tsx?$/.test(found) ? toProjectPath(root, found) : undefined;
}

/** Each circle once, as the files along it (Tarjan's strongly connected components of two or more files, or a file importing itself). */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components;
}

/**
 * Which way the arrows point. lib/ is plumbing and model/ the plain vocabulary: neither reaches up
 * into the domain, the API, activities or workflows. The domain and the activities reach workflows
 * only through the contract in workflows/definitions.ts (names, signatures, signals, updates,
 * queues), never a workflow's code; workflow code reaches no domain code (it is replayed: its
 * activities, imported as types, do the work). The web app sees the server only through the
 * generated API client.
 */
export type LayerRule = { files: string; mayImportOnly: readonly string[]; why: string };

const PRISMA_CLIENT = 'generated/prisma/';
const WORKFLOW_CONTRACT = 'workflows/definitions.ts';

export const LAYER_RULES: readonly LayerRule[] = [
  { files: 'lib/', mayImportOnly: ['lib/', 'model/', PRISMA_CLIENT], why: 'lib/ is plumbing: nothing above model/' },
  { files: 'model/', mayImportOnly: ['model/', 'lib/'], why: 'model/ is plain types and rules: only model/ and lib/' },
  {
    files: 'domain/',
    mayImportOnly: ['domain/', 'model/', 'lib/', PRISMA_CLIENT, WORKFLOW_CONTRACT],
    why: 'the domain starts workflows through their contract, never their code, and never calls activities',
  },
  {
    files: 'activities/',
    mayImportOnly: ['activities/', 'domain/', 'model/', 'lib/', PRISMA_CLIENT, WORKFLOW_CONTRACT],
    why: 'activities reach workflows only through their contract',
  },
  {
    files: 'workflows/',
    mayImportOnly: ['workflows/', 'activities/', 'model/', 'lib/'],
    why: 'workflow code is replayed: no domain, API or database code (activities only as types, which ESLint checks)',
  },
  { files: 'web/src/', mayImportOnly: ['web/src/'], why: 'the web app sees the server only through the generated API client' },
];

export function layerViolations(graph: ImportGraph, rules: readonly LayerRule[] = LAYER_RULES): string[] {
  const violations: string[] = [];
  for (const [file, targets] of graph) {
    for (const rule of rules) {
      if (!file.startsWith(rule.files)) continue;
      for (const target of targets) {
        if (!rule.mayImportOnly.some((allowed) => target.startsWith(allowed))) violations.push(`${file} -> ${target} (${rule.why})`);
      }
    }
  }
  return violations.sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const graph = buildImportGraph();
  const cycles = findCycles(graph);
  const violations = layerViolations(graph);
  console.log(`${graph.size} files, ${[...graph.values()].reduce((sum, targets) => sum + targets.length, 0)} imports`);
  for (const cycle of cycles) console.log(`circle: ${cycle.join(' <-> ')}`);
  for (const violation of violations) console.log(`wrong way: ${violation}`);
  if (cycles.length || violations.length) process.exitCode = 1;
}
