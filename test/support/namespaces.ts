import { readdirSync } from 'node:fs';
import path from 'node:path';

const INTEGRATION_DIR = path.join(import.meta.dirname, '..', 'integration');

/** One Temporal namespace per integration test file, registered when the dev server starts. */
export const namespaceForTestFile = (file: string) => `test-${path.basename(file, '.test.ts')}`;

export const TEST_NAMESPACES = readdirSync(INTEGRATION_DIR)
  .filter((f) => f.endsWith('.test.ts'))
  .map(namespaceForTestFile);
