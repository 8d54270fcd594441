import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where attachment bytes live. The local directory is the default; an object store can implement the same. */
export type BlobStorage = {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  /** Streams a large object in; it appears under `key` only once `write` has finished. */
  putStream(key: string, write: (out: Writable) => Promise<void>): Promise<{ bytes: number }>;
  getStream(key: string): Readable | undefined;
};

export function createLocalDirectoryStorage(root: string): BlobStorage {
  const fileFor = (key: string) => {
    if (!/^[A-Za-z0-9/_.-]+$/.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under the final name.
      await writeFile(`${file}.partial`, data);
      await rename(`${file}.partial`, file);
    },
    async putStream(key, write) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      const out = createWriteStream(`${file}.partial`);
      const closed = new Promise<void>((resolve, reject) => {
        out.once('close', () => resolve());
        out.once('error', reject);
      });
      try {
        await write(out);
        out.end();
        await closed;
      } catch (error) {
        out.destroy();
        await rm(`${file}.partial`, { force: true });
        throw error;
      }
      await rename(`${file}.partial`, file);
      return { bytes: (await stat(file)).size };
    },
    getStream(key) {
      const file = fileFor(key);
      return existsSync(file) ? createReadStream(file) : undefined;
    },
    async get(key) {
      try {
        return await readFile(fileFor(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}
