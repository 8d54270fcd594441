import path from 'node:path';
import prettier from 'prettier';

/**
 * The generated parts of a hand-written Markdown file sit between two markers,
 * `<!-- generated:NAME begin ... -->` and `<!-- generated:NAME end -->`; `npm run docs:generate`
 * rewrites what is between them and leaves the rest as it is.
 */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

const beginMarker = (name: string) =>
  `<!-- generated:${name} begin: written by \`npm run docs:generate\`; edit its source, not this part -->`;
const endMarker = (name: string) => `<!-- generated:${name} end -->`;

/** The two markers of a region, to put into a Markdown file once. */
export const regionMarkers = (name: string): string => `${beginMarker(name)}\n\n${endMarker(name)}`;

export const hasRegion = (text: string, name: string): boolean => text.includes(beginMarker(name)) && text.includes(endMarker(name));

/** `text` with the region's content replaced; throws when the file lacks its markers. */
export function replaceRegion(text: string, name: string, content: string, file: string): string {
  const begin = text.indexOf(beginMarker(name));
  const end = text.indexOf(endMarker(name));
  if (begin < 0 || end < begin) throw new Error(`${file} needs the markers of the generated region "${name}":\n${regionMarkers(name)}`);
  return `${text.slice(0, begin + beginMarker(name).length)}\n\n${content.trim()}\n\n${text.slice(end)}`;
}

/** Markdown as Prettier keeps every other file, so the generator and `prettier --check` agree. */
export async function formatMarkdown(text: string, file: string): Promise<string> {
  const filepath = path.join(PROJECT_ROOT, file);
  const options = await prettier.resolveConfig(filepath);
  return prettier.format(text, { ...options, filepath });
}

/** One table cell: pipes escaped, on one line. */
export const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
export const code = (text: string): string => `\`${text}\``;
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
