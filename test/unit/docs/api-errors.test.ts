import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../../lib/errors.ts';

const API_DOC = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'docs', 'api.md'), 'utf8');

/** The table as lib/errors.ts says it should read (prettier pads it; cells are compared trimmed). */
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

describe('the error table of docs/api.md', () => {
  it('lists every error code of lib/errors.ts with its status and when it happens, and nothing else', () => {
    const section = API_DOC.split('\n## Errors\n')[1]?.split('\n## ')[0] ?? '';
    const table = section.split('\n').filter((line) => line.trim().startsWith('|'));
    expect(table.map(cells), `docs/api.md "## Errors" should hold:\n${expectedTable().join('\n')}`).toEqual(expectedTable().map(cells));
  });
});
