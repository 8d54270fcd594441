import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../lib/config.ts';
import { findOnPath } from './temporal-cli.ts';

/**
 * Temporal's Java time-skipping test server, assembled from Maven Central into the project cache.
 * @temporalio/testing starts it as `<executable> <port> ...` through an 'existing-path' executable;
 * the wrapper written here is that executable. Returns undefined where Maven or Java is missing, so
 * a machine with internet can fall back to the SDK's own download.
 */
export function ensureTestServer(cacheDir: string, version: string, log: (m: string) => void = console.log): string | undefined {
  const home = path.join(cacheDir, 'temporal-test-server', version);
  const libDir = path.join(home, 'lib');
  const wrapper = path.join(home, 'temporal-test-server');
  const searchPath = childProcessEnv().PATH ?? '';
  if (!existsSync(libDir) || !readdirSync(libDir).some((f) => f.startsWith('temporal-test-server'))) {
    const mvn = findOnPath('mvn', searchPath);
    if (!mvn || !findOnPath('java', searchPath)) return undefined;
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, 'pom.xml'), pom(version));
    log(`Fetching Temporal test server ${version} and its dependencies from Maven Central...`);
    const started = Date.now();
    const result = spawnSync(
      mvn,
      ['-B', '-q', '-f', path.join(home, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`],
      {
        stdio: 'inherit',
      },
    );
    if (result.status !== 0) throw new Error(`mvn dependency:copy-dependencies failed (exit ${result.status})`);
    log(`Temporal test server ${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  writeFileSync(wrapper, wrapperScript(libDir));
  chmodSync(wrapper, 0o755);
  return wrapper;
}

function pom(version: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.linkage-ledger</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

// The SDK gives the server 5 s to listen; a serial GC and C1-only JIT keep JVM start well inside that on 2 cores.
function wrapperScript(libDir: string) {
  return `#!/bin/sh
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "${libDir}/*" io.temporal.testserver.TestServer "$@"
`;
}
