import { readdirSync } from 'node:fs';
import path from 'node:path';

// Integration and browser test files each get a namespace; their names must differ.
const TEST_DIRS = ['integration', 'browser'].map((dir) => path.join(import.meta.dirname, '..', dir));

/** One Temporal namespace per integration test file, registered when the dev server starts. */
export const namespaceForTestFile = (file: string) => `test-${path.basename(file, '.test.ts')}`;

export const TEST_NAMESPACES = TEST_DIRS.flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts')),
).map(namespaceForTestFile);
