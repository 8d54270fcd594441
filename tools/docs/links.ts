import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './regions.ts';

/**
 * What keeps the docs true to the tree: every Markdown link stays inside the repository and names
 * a file (and heading) that exists, every backticked repository path exists, and every
 * `npm run <script>` is a script of package.json.
 */
export type Repository = {
  /** Is this path (relative to the root, `/`-separated) a file or folder of the checkout? */
  exists(relative: string): boolean;
  /** Is it an output git ignores (`bench/results/`, `web/dist/`), which may not exist yet? */
  ignored(relative: string): boolean;
  /** The folders and files at the top of the repository. */
  topLevel: ReadonlySet<string>;
  scripts: ReadonlySet<string>;
  read(relative: string): string;
};

/** The documentation the checks cover. */
export function documentationFiles(root = PROJECT_ROOT): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return walk(relative);
      return entry.name.endsWith('.md') ? [relative] : [];
    });
  return ['README.md', ...(existsSync(path.join(root, 'docs')) ? walk('docs') : []), 'bench/RESULTS.md'].filter((f) =>
    existsSync(path.join(root, f)),
  );
}

export function checkout(root = PROJECT_ROOT): Repository {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return {
    exists: (relative) => existsSync(path.join(root, relative)),
    // A folder pattern (`web/dist/`) matches only a path known to be a folder: ask for both.
    ignored: (relative) =>
      [relative, `${relative}/`].some((candidate) => {
        try {
          execFileSync('git', ['check-ignore', '-q', '--no-index', candidate], { cwd: root, stdio: 'ignore' });
          return true;
        } catch {
          return false;
        }
      }),
    topLevel: new Set(
      readdirSync(root).filter(
        (name) => !['node_modules', '.git'].includes(name) && (statSync(path.join(root, name)).isDirectory() || name.includes('.')),
      ),
    ),
    scripts: new Set(Object.keys(scripts)),
    read: (relative) => readFileSync(path.join(root, relative), 'utf8'),
  };
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export const headingSlug = (heading: string): string =>
  heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  return anchors;
}

/** The text with fenced code blocks blanked (lines kept, so line numbers stay right). */
function withoutFences(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

const fencedLines = (markdown: string): string[] => {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return fenced;
  });
};

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** A plain path: no placeholders (`<feature>`), alternatives (`{a,b}`), wildcards, spaces or line numbers. */
const PLAIN_PATH = /^\.?[\w@.-]+(\/[\w@.[\]-]+)*\/?$/;

export function problemsIn(file: string, markdown: string, repository: Repository): string[] {
  const problems: string[] = [];
  const directory = path.posix.dirname(file);
  const text = withoutFences(markdown);

  const checkTarget = (target: string, line: number) => {
    const where = `${file}:${line}: ${target}`;
    if (SCHEME.test(target) || target.startsWith('//')) return problems.push(`${where} leaves the repository`);
    if (target.startsWith('/')) return problems.push(`${where} is absolute: link relative to ${file}`);
    const [rawPath = '', anchor] = target.split('#', 2);
    const linked = rawPath === '' ? file : path.posix.normalize(path.posix.join(directory, decodeURI(rawPath)));
    if (linked === '..' || linked.startsWith('../')) return problems.push(`${where} leaves the repository`);
    if (!repository.exists(linked)) return problems.push(`${where}: no such file`);
    if (anchor && linked.endsWith('.md') && !anchorsOf(repository.read(linked)).has(anchor))
      problems.push(`${where}: no such heading in ${linked}`);
    return undefined;
  };

  text.split('\n').forEach((line, index) => {
    const lineNumber = index + 1;
    const spans = [...line.matchAll(/(`+)(.+?)\1/g)].map((m) => m[2]?.trim() ?? '');
    const prose = line.replace(/(`+)(.+?)\1/g, '');
    const links = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
    const autolinks = /<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi;
    const definition = /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/;
    for (const match of prose.matchAll(links)) checkTarget(match[1] as string, lineNumber);
    for (const match of prose.matchAll(autolinks)) checkTarget(match[1] as string, lineNumber);
    const defined = definition.exec(prose)?.[1];
    if (defined !== undefined) checkTarget(defined, lineNumber);
    // What is left of the line after its links: a URL there is a link too on GitHub.
    const rest = prose.replace(links, '').replace(autolinks, '').replace(definition, '');
    for (const match of rest.matchAll(/\b(?:https?|ftp):\/\/[^\s)>]+/gi)) {
      problems.push(`${file}:${lineNumber}: ${match[0]} leaves the repository (a bare URL is a link too)`);
    }
    for (const span of spans) {
      const script = /^npm run ([\w:.-]+)/.exec(span)?.[1];
      if (script !== undefined && !repository.scripts.has(script))
        problems.push(`${file}:${lineNumber}: \`${span}\`: package.json has no script ${script}`);
      const first = span.split('/')[0] ?? '';
      if (!PLAIN_PATH.test(span) || !repository.topLevel.has(first) || (first === span && !span.includes('.'))) continue;
      const relative = span.replace(/\/$/, '');
      if (!repository.exists(relative) && !repository.ignored(relative))
        problems.push(`${file}:${lineNumber}: \`${span}\`: no such path in the repository`);
    }
  });
  for (const line of fencedLines(markdown)) {
    for (const match of line.matchAll(/\bnpm run ([\w:.-]+)/g)) {
      if (!repository.scripts.has(match[1] as string))
        problems.push(`${file}: \`${match[0]}\` in a code block: package.json has no script ${match[1]}`);
    }
  }
  return problems;
}
