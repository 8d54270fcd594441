import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { endpointSections, errorTable } from './api-tables.ts';
import { configurationMarkdown } from './configuration.ts';
import { FEATURE_CHAPTERS, lifecycleChapters } from './lifecycles.ts';
import { demoLoginTable } from './demo-logins.ts';
import { layerRuleTable } from './layers.ts';
import { unitKindTable } from './unit-kinds.ts';
import { glossaryMarkdown } from './glossary.ts';
import { PROJECT_ROOT, formatMarkdown, hasRegion, regionMarkers, replaceRegion } from './regions.ts';

/**
 * `npm run docs:generate`: rewrites every generated part of the docs from its source, so the docs
 * cannot drift from the code (a unit test fails when a committed file differs from what this writes):
 * - docs/configuration.md from the config schema (lib/config.ts);
 * - docs/api.md's endpoint table from the route declarations and its error table from lib/errors.ts;
 * - each feature chapter's state diagrams and step tables from model/lifecycles.ts;
 * - the unit kinds of docs/features/directory-and-calendar.md from model/directory/unit-kinds.ts;
 * - the README's demo logins from the demo seed (domain/directory/seed.ts);
 * - docs/glossary.md's tables from the one glossary (model/glossary.ts);
 * - the layer rules of docs/architecture.md from the ones the import-graph test enforces (tools/import-graph.ts).
 */
export const README = 'README.md';
export const API_DOC = 'docs/api.md';
export const ARCHITECTURE_DOC = 'docs/architecture.md';
export const CONFIGURATION_DOC = 'docs/configuration.md';
export const DIRECTORY_DOC = 'docs/features/directory-and-calendar.md';
export const GLOSSARY_DOC = 'docs/glossary.md';
const LIFECYCLES_REGION = 'lifecycles';

const readDoc = (file: string): string => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

function withLifecycles(text: string, file: string, sections: string | undefined): string {
  if (hasRegion(text, LIFECYCLES_REGION)) {
    const content = sections ?? 'No lifecycle of this feature is registered in `model/lifecycles.ts`.';
    return replaceRegion(text, LIFECYCLES_REGION, content, file);
  }
  if (sections === undefined) return text;
  // A lifecycle newly registered for a feature whose chapter has none yet: its section goes at the end.
  return replaceRegion(`${text.trimEnd()}\n\n## Lifecycles\n\n${regionMarkers(LIFECYCLES_REGION)}\n`, LIFECYCLES_REGION, sections, file);
}

/** Every generated file, path relative to the project root, with the content it should have. */
export async function generatedDocuments(read: (file: string) => string = readDoc): Promise<Map<string, string>> {
  const documents = new Map<string, string>();
  documents.set(README, await formatMarkdown(replaceRegion(read(README), 'demo-logins', demoLoginTable(), README), README));
  const architecture = replaceRegion(read(ARCHITECTURE_DOC), 'layer-rules', layerRuleTable(), ARCHITECTURE_DOC);
  documents.set(ARCHITECTURE_DOC, await formatMarkdown(architecture, ARCHITECTURE_DOC));
  documents.set(CONFIGURATION_DOC, await formatMarkdown(configurationMarkdown(), CONFIGURATION_DOC));

  let api = replaceRegion(read(API_DOC), 'endpoints', endpointSections(), API_DOC);
  api = replaceRegion(api, 'errors', errorTable(), API_DOC);
  documents.set(API_DOC, await formatMarkdown(api, API_DOC));

  documents.set(DIRECTORY_DOC, replaceRegion(read(DIRECTORY_DOC), 'unit-kinds', unitKindTable(), DIRECTORY_DOC));

  const glossary = replaceRegion(read(GLOSSARY_DOC), 'glossary', glossaryMarkdown(), GLOSSARY_DOC);
  documents.set(GLOSSARY_DOC, await formatMarkdown(glossary, GLOSSARY_DOC));

  const sections = lifecycleChapters();
  for (const chapter of new Set(Object.values(FEATURE_CHAPTERS))) {
    const text = documents.get(chapter) ?? read(chapter);
    documents.set(chapter, await formatMarkdown(withLifecycles(text, chapter, sections.get(chapter)), chapter));
  }
  return documents;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [file, content] of await generatedDocuments()) {
    const target = path.join(PROJECT_ROOT, file);
    const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (before === content) continue;
    writeFileSync(target, content);
    console.log(`${file}: rewritten`);
  }
  console.log('docs: every generated part is up to date');
}
