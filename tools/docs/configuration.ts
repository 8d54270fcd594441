import type { z } from 'zod';
import { envSchema } from '../../lib/config.ts';
import { code, table } from './regions.ts';

/**
 * docs/configuration.md, generated from the config schema in lib/config.ts: every variable, its
 * default and what it means (the variable's `.describe()`), in the schema's order.
 */
export type ConfigVariable = { name: string; defaultValue: string | undefined; meaning: string | undefined };

type Def = { type: string; defaultValue?: unknown; in?: z.ZodType; innerType?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The value a variable takes when it is unset, as one would write it in the environment. */
function defaultOf(schema: z.ZodType): unknown {
  const def = defOf(schema);
  if (def.type === 'default') return def.defaultValue;
  // A transform or a second schema after the default: the default sits on the input side.
  if (def.type === 'pipe' && def.in) return defaultOf(def.in);
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) return defaultOf(def.innerType);
  return undefined;
}

export function configVariables(shape: Record<string, z.ZodType> = envSchema.shape): ConfigVariable[] {
  return Object.entries(shape).map(([name, schema]) => {
    const value = defaultOf(schema);
    return { name, defaultValue: value === undefined ? undefined : String(value), meaning: schema.description };
  });
}

export function configurationMarkdown(variables: readonly ConfigVariable[] = configVariables()): string {
  const missing = variables.filter((v) => !v.meaning?.trim()).map((v) => v.name);
  if (missing.length) throw new Error(`lib/config.ts: describe what each variable means with .describe(): ${missing.join(', ')}`);
  return [
    '# Configuration',
    '',
    '<!-- Generated from the config schema in lib/config.ts by `npm run docs:generate`; a unit test fails when this file differs. -->',
    '',
    'Every process (the API, the worker, `npm start` and the operator commands) reads its settings from',
    'the environment once, at boot: `lib/config.ts` parses them with Zod, and a bad value stops the',
    'process with every problem named. Nothing else the system runs reads `process.env`. With nothing set, the',
    'defaults below run the whole system on one machine (see [the README](../README.md)); production',
    'sets at least `DATABASE_URL`, `TEMPORAL_ADDRESS`, `SMTP_URL` and `FILES_DIR` (see',
    '[operations](operations.md)). Dates written `MM-DD` are days of every year, in district time.',
    '',
    table(
      ['variable', 'default', 'meaning'],
      variables.map((v) => [code(v.name), v.defaultValue === undefined ? 'unset' : code(v.defaultValue), v.meaning ?? '']),
    ),
    '',
  ].join('\n');
}
