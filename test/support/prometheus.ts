import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../infra/free-port.ts';

export type ScrapeJob = { job: string; target: string; token?: string };
export type Sample = { metric: Record<string, string>; value: [number, string] };

export type Prometheus = {
  url: string;
  /** An instant query through the HTTP API. */
  query(expr: string): Promise<Sample[]>;
  /** The scrape targets and whether their last scrape worked. */
  targets(): Promise<Array<{ job: string; health: string; lastError: string }>>;
  /** The loaded rules and whether their last evaluation worked. */
  rules(): Promise<Array<{ name: string; health: string; lastError?: string }>>;
  output(): string;
  stop(): Promise<void>;
};

/**
 * Debian's Prometheus (`apt-get install prometheus`) with a configuration of the test's own: its
 * jobs scraped every second, the given rule files evaluated every second, storage in a temp dir.
 */
export async function startPrometheus(options: { jobs: ScrapeJob[]; ruleFiles: string[] }): Promise<Prometheus> {
  if (spawnSync('prometheus', ['--version']).error)
    throw new Error("no `prometheus` on PATH: install Debian's package (apt-get install prometheus); .ci/run does");
  const dir = mkdtempSync(path.join(tmpdir(), 'prometheus-'));
  // JSON is YAML: the configuration needs no YAML writer.
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    rule_files: options.ruleFiles,
    scrape_configs: options.jobs.map(({ job, target, token }) => ({
      job_name: job,
      ...(token ? { authorization: { credentials: token } } : {}),
      static_configs: [{ targets: [target] }],
    })),
  };
  writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
  const port = await freePort();
  const child = spawn(
    'prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-32 * 1024));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Prometheus did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const api = async <T>(pathAndQuery: string): Promise<T> => {
    const res = await fetch(`${url}/api/v1/${pathAndQuery}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${pathAndQuery}: ${body.error}`);
    return body.data;
  };
  return {
    url,
    query: async (expr) => (await api<{ result: Sample[] }>(`query?query=${encodeURIComponent(expr)}`)).result,
    targets: async () =>
      (await api<{ activeTargets: Array<{ labels: { job: string }; health: string; lastError: string }> }>('targets')).activeTargets.map(
        (t) => ({ job: t.labels.job, health: t.health, lastError: t.lastError }),
      ),
    rules: async () =>
      (await api<{ groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> }>('rules')).groups.flatMap((g) =>
        g.rules.map(({ name, health, lastError }) => ({ name, health, lastError })),
      ),
    output: () => output,
    stop,
  };
}
