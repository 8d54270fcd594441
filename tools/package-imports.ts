import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A value import or re-export (`import type …` skipped), with the names it lists and its specifier. */
const VALUE_IMPORT = /^(?:import|export)\s+(?!type\b)([^;]*?)\bfrom\s+['"]([^'"]+)['"]/gms;

/** A package's module given by its path (an interceptor module of the SDK's) counts as that package. */
const packageOfPath = (file: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];

/** The package a bare specifier names: `@scope/name` or `name`, without the subpath. */
export const packageOf = (specifier: string) => /^(?:@[^/]+\/)?[^/]+/.exec(specifier)?.[0] ?? specifier;

/**
 * Every bare specifier (a package, `node:` modules included) the given files reach through value
 * imports, following the project's own relative imports; type-only imports are left out (they are
 * erased before anything runs). Each maps to the first file (relative to `root`) that imports it.
 */
export function packagesReachedFrom(root: string, ...entries: string[]): Map<string, string> {
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
      else if (!packages.has(specifier)) packages.set(specifier, path.relative(root, file));
    }
  };
  for (const entry of entries) {
    const name = packageOfPath(entry);
    if (name) packages.set(name, entry);
    else walk(path.resolve(root, entry));
  }
  return packages;
}
