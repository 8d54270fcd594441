import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../../lib/errors.ts';

const README = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The README's table as lib/errors.ts says it should read (prettier pads it; cells are compared trimmed). */
const expectedTable = () => [
  '| code | status | when |',
  '| --- | --- | --- |',
  ...Object.entries(ERRORS).map(([code, { status, when }]) => `| \`${code}\` | ${status} | ${when} |`),
];

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim().replace(/^-+$/, '---'));

describe('README error table', () => {
  it('lists every error code of lib/errors.ts with its status and when it happens, and nothing else', () => {
    const section = README.split('### Errors')[1]?.split('\n### ')[0] ?? '';
    const table = section.split('\n').filter((line) => line.trim().startsWith('|'));
    expect(table.map(cells), `README.md "### Errors" should hold:\n${expectedTable().join('\n')}`).toEqual(expectedTable().map(cells));
  });
});
