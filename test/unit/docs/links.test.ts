import { describe, expect, it } from 'vitest';
import { type Repository, anchorsOf, checkout, documentationFiles, headingSlug, problemsIn } from '../../../tools/docs/links.ts';

describe('the README and docs/', () => {
  const repository = checkout();

  it('link only to files and headings inside the repository, name only paths and scripts that exist', () => {
    const files = documentationFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/api.md', 'bench/RESULTS.md']));
    expect(files.flatMap((file) => problemsIn(file, repository.read(file), repository))).toEqual([]);
  });
});

describe('the link check', () => {
  const files: Record<string, string> = {
    'README.md': '# Linkage Ledger\n\n## What `npm start` starts\n',
    'docs/api.md': '# The HTTP API\n\n## Errors\n\n## Errors\n',
    'domain/cases/cases.ts': '',
  };
  const fake: Repository = {
    exists: (relative) => relative in files || Object.keys(files).some((f) => f.startsWith(`${relative}/`)),
    ignored: (relative) => relative.startsWith('bench/results'),
    topLevel: new Set(['README.md', 'docs', 'domain', 'bench']),
    scripts: new Set(['start', 'docs:generate']),
    read: (relative) => files[relative] ?? '',
  };
  const problems = (markdown: string, file = 'docs/features/cases.md') => problemsIn(file, markdown, fake);

  it('refuses links that leave the repository, in any form', () => {
    expect(problems('See [the domain](../../../shared/DOMAIN.md).')).toEqual([expect.stringMatching(/leaves the repository/)]);
    expect(problems('[site](https://example.org/x)')).toEqual([expect.stringMatching(/leaves the repository/)]);
    expect(problems('Open <http://127.0.0.1:3000/app/>.')).toEqual([expect.stringMatching(/leaves the repository/)]);
    expect(problems('Open http://127.0.0.1:3000/app/ now.')).toEqual([expect.stringMatching(/bare URL/)]);
    expect(problems('[ref]: https://example.org')).toEqual([expect.stringMatching(/leaves the repository/)]);
    expect(problems('[abs](/docs/api.md)')).toEqual([expect.stringMatching(/absolute/)]);
  });

  it('refuses links to files and headings that do not exist', () => {
    expect(problems('[api](../api.md) [start](../../README.md#what-npm-start-starts) [errors](../api.md#errors-1)')).toEqual([]);
    expect(problems('[gone](../configuration.md)')).toEqual([expect.stringMatching(/no such file/)]);
    expect(problems('[gone](../api.md#input-rules)')).toEqual([expect.stringMatching(/no such heading/)]);
    expect(problems('[here](#nowhere)', 'docs/api.md')).toEqual([expect.stringMatching(/no such heading/)]);
  });

  it('refuses backticked repository paths and npm scripts that do not exist, and leaves other code alone', () => {
    expect(problems('`domain/cases/cases.ts`, `domain/cases/`, `bench/results/latest.json`, `api/<feature>/`, `street/park`')).toEqual([]);
    expect(problems('the rule is in `domain/four-leads.ts`')).toEqual([expect.stringMatching(/domain\/four-leads\.ts.*no such path/)]);
    expect(problems('`npm start`, `npm run docs:generate`')).toEqual([]);
    expect(problems('`npm run docs:routes`')).toEqual([expect.stringMatching(/no script docs:routes/)]);
    expect(problems('```bash\nnpm run bench:nothing -- --x\n```')).toEqual([expect.stringMatching(/no script bench:nothing/)]);
    expect(problems('```bash\ncat ../shared/DOMAIN.md # [x](https://example.org)\n```')).toEqual([]);
  });

  it('makes anchors as GitHub does', () => {
    expect(headingSlug('What `npm start` starts')).toBe('what-npm-start-starts');
    expect(headingSlug('Leaders take the lead: the "four leads" (Appendix 1 and 2)')).toBe(
      'leaders-take-the-lead-the-four-leads-appendix-1-and-2',
    );
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });
});
