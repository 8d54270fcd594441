import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envSchema } from '../../../lib/config.ts';
import { LIFECYCLES } from '../../../model/lifecycles.ts';
import { configVariables, configurationMarkdown } from '../../../tools/docs/configuration.ts';
import { generatedDocuments } from '../../../tools/docs/generate.ts';
import { FEATURE_CHAPTERS, finalStates, lifecycleFeatures } from '../../../tools/docs/lifecycles.ts';
import { PROJECT_ROOT } from '../../../tools/docs/regions.ts';

const committed = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

describe('the generated docs', () => {
  it('are exactly what `npm run docs:generate` writes from the code', async () => {
    const documents = await generatedDocuments();
    expect([...documents.keys()]).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/configuration.md',
        'docs/api.md',
        'docs/features/cases.md',
        'docs/features/directory-and-calendar.md',
      ]),
    );
    for (const [file, content] of documents) expect(committed(file), `${file} is stale: run \`npm run docs:generate\``).toBe(content);
  });
});

describe('the README’s demo logins', () => {
  it('give the password `npm start` seeds them with', () => {
    const password = /const DEMO_PASSWORD = '([^']+)'/.exec(committed('scripts/start.ts'))?.[1];
    expect(password).toBeDefined();
    expect(committed('README.md')).toContain(`password is \`${password}\``);
  });
});

describe('docs/configuration.md', () => {
  it('gives every variable of the config schema its default and a description', () => {
    const variables = configVariables();
    expect(variables.map((v) => v.name)).toEqual(Object.keys(envSchema.shape));
    expect(variables.filter((v) => !v.meaning?.trim()).map((v) => v.name)).toEqual([]);
    const doc = committed('docs/configuration.md');
    for (const v of variables) expect(doc).toContain(`| \`${v.name}\``);
    expect(variables.find((v) => v.name === 'LEADER_REMINDER_DATES')?.defaultValue).toBe('09-01,11-01');
    expect(variables.find((v) => v.name === 'CYCLE_REVIEW_FIRST')?.defaultValue).toBe('false');
    expect(variables.find((v) => v.name === 'DATABASE_URL')?.defaultValue).toBeUndefined();
  });

  it('cannot be generated while a variable lacks a description', () => {
    const shape = { DESCRIBED: z.string().default('a').describe('What it is.'), UNDESCRIBED: z.coerce.number().default(3) };
    expect(() => configurationMarkdown(configVariables(shape))).toThrow(/UNDESCRIBED/);
  });
});

describe('the lifecycles in the feature chapters', () => {
  it('show every registered lifecycle’s diagram in the chapter of the feature that defines it', () => {
    const features = lifecycleFeatures();
    expect(Object.keys(features).sort()).toEqual(Object.keys(LIFECYCLES).sort());
    for (const [name, lifecycle] of Object.entries(LIFECYCLES)) {
      const chapter = committed(FEATURE_CHAPTERS[features[name] as string] as string);
      const diagram = (lifecycle as unknown as { diagram(o: object): string }).diagram({ finalStates: finalStates(lifecycle as never) });
      expect(chapter, `${name}: run \`npm run docs:generate\``).toContain(`\`\`\`mermaid\n${diagram}\n\`\`\``);
    }
  });

  it('find the feature of each lifecycle from the registry’s imports', () => {
    const source = [
      "import { CASE_LIFECYCLE } from './cases/lifecycle.ts';",
      "import { ROUND_LIFECYCLE as ROUND } from './party/round-lifecycle.ts';",
      'export const LIFECYCLES = { case: CASE_LIFECYCLE, round: ROUND } as const;',
    ].join('\n');
    expect(lifecycleFeatures(source)).toEqual({ case: 'cases', round: 'party' });
    expect(() => lifecycleFeatures('const X = 1;\nexport const LIFECYCLES = { x: X };')).toThrow(/register each lifecycle/);
  });
});
