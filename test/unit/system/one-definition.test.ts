import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..', '..');
const SOURCES = ['model', 'lib', 'domain', 'api', 'activities', 'workflows', 'web/src', 'scripts', 'tools', 'bench', 'worker.ts'];
const SKIPPED = new Set(['node_modules', 'generated']);

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!statSync(full).isDirectory()) return /\.tsx?$/.test(entry) ? [entry] : [];
  return readdirSync(full).flatMap((name) => (SKIPPED.has(name) ? [] : sourceFiles(path.join(entry, name))));
}

/**
 * Rules that were once written in several places and drifted apart (issue 21). Each is written in one
 * module now; a second copy of its tell-tale text anywhere in the code fails here, naming where.
 */
const ONE_HOME = [
  {
    rule: 'the kinds of unit and which file cases',
    text: /'district_department',\s*'garrison_unit'/,
    home: 'model/directory/unit-kinds.ts',
  },
  { rule: 'the pending ledger query', text: /status: 'awaiting_submission', urgent: false/, home: 'domain/cases/ledger-filters.ts' },
  { rule: 'the filing’s field limits', text: /title: lineText\(200, 3\)/, home: 'model/cases/filing.ts' },
  { rule: 'a query-string yes/no', text: /z\.enum\(\['true', 'false'\]\)\.transform/, home: 'api/query.schemas.ts' },
  { rule: 'a field-level 400', text: /new DomainError\('validation_failed', message, \[\{ path, message\b/, home: 'lib/errors.ts' },
  { rule: 'today in the district', text: /(function|const) district(Today|Date|Instant)\b/, home: 'lib/district-time.ts' },
  { rule: 'a zone’s offset', text: /timeZoneName|formatToParts/, home: 'lib/district-time.ts' },
];

describe('rules written once', () => {
  const files = SOURCES.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));

  it('reads the code it guards', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['model/directory/unit-kinds.ts', 'lib/errors.ts', 'worker.ts']));
  });

  it.each(ONE_HOME)('$rule: only in $home', ({ text, home }) => {
    expect(files.filter((f) => text.test(f.text)).map((f) => f.file)).toEqual([home]);
  });

  it('reads no district UTC offset setting: the offset is derived from the zone', () => {
    const readers = files.filter((f) => f.text.includes('DISTRICT_UTC_OFFSET_MINUTES')).map((f) => f.file);
    expect(readers).toEqual(['lib/config.ts']);
    expect(readFileSync(path.join(root, 'lib/config.ts'), 'utf8')).not.toMatch(/DISTRICT_UTC_OFFSET_MINUTES: z/);
  });
});
