import { startTemporalServerWithPostgres } from '../infra/temporal-server.ts';
import { loadConfig } from '../lib/config.ts';

/**
 * `npm run temporal:server [-- --namespace NS]`: the real Temporal server (TEMPORAL_SERVER_VERSION,
 * built once into `.cache/` with `go install`) on a private PostgreSQL cluster, as the production
 * topology suite runs it; prints its address and serves until Ctrl-C. Point `npm run bench --
 * --temporal-address ...` (or TEMPORAL_ADDRESS) at it.
 */
const config = loadConfig();
const i = process.argv.indexOf('--namespace');
const namespace = i > 0 ? process.argv[i + 1]! : 'default';
const say = (m: string) => console.log(`[temporal:server] ${m}`);

const server = await startTemporalServerWithPostgres(config, { name: 'temporal-server', namespace, log: say });
say(`serving: --temporal-address ${server.address} --namespace ${server.namespace} (Ctrl-C stops it and its PostgreSQL)`);
let stopping = false;
const stop = () => {
  stopping = true;
  void server.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
void server.exited.then((how) => {
  if (stopping) return;
  console.error(`[temporal:server] the server exited (${how})`);
  process.exit(1);
});
