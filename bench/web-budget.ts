import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { routes } from '../api/app.ts';
import { ensureWebBuilt, WEB_DIST } from '../tools/web-build.ts';

/**
 * `npm run bench:web`: the JavaScript a browser loads for the sign-in page and the ledger list
 * (the entry chunk and every chunk it imports statically, from Vite's manifest), gzipped, beside
 * the goal. Everything else is split by route and loads on demand.
 */
const GOAL_KB = 350;
type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };

await ensureWebBuilt(routes, (line) => console.log(`[bench:web] ${line}`));
const manifest = JSON.parse(readFileSync(path.join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
if (!entry) throw new Error('no entry chunk in the Vite manifest');

const loaded = new Set<string>();
const visit = (key: string) => {
  if (loaded.has(key)) return;
  loaded.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
visit(entry[0]);

const sizes = [...loaded].map((key) => {
  const file = manifest[key]?.file ?? key;
  const bytes = readFileSync(path.join(WEB_DIST, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const lazy = Object.values(manifest).filter((c) => c.file.endsWith('.js') && ![...loaded].some((k) => manifest[k]?.file === c.file));
const kb = (n: number) => (n / 1024).toFixed(1);
for (const s of sizes.sort((a, b) => b.gzip - a.gzip))
  console.log(`  ${s.file.padEnd(44)} ${kb(s.raw).padStart(8)} kB raw ${kb(s.gzip).padStart(7)} kB gzip`);
const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
console.log(`sign-in + ledger list JavaScript: ${kb(total)} kB gzip (goal <= ${GOAL_KB} kB) ${total / 1024 <= GOAL_KB ? 'OK' : 'OVER'}`);
console.log(`${lazy.length} more chunks load by route, on demand`);
if (total / 1024 > GOAL_KB) process.exitCode = 1;
