import { describe, expect, it } from 'vitest';
import { serverConfigFrom } from '../../../infra/temporal-server.ts';

// An excerpt of go.temporal.io/server@v1.29.1's config/development-postgres12.yaml, with every line
// serverConfigFrom changes.
const SAMPLE = `log:
  level: info
persistence:
  datastores:
    postgres-default:
      sql:
        databaseName: "temporal"
        connectAddr: "127.0.0.1:5432"
        user: "temporal"
        password: "temporal"
    postgres-visibility:
      sql:
        databaseName: "temporal_visibility"
        connectAddr: "127.0.0.1:5432"
        user: "temporal"
        password: "temporal"
global:
  pprof:
    port: 7936
  metrics:
    prometheus:
      listenAddress: "127.0.0.1:8000"
services:
  frontend:
    rpc:
      grpcPort: 7233
      membershipPort: 6933
      httpPort: 7243
clusterMetadata:
  clusterInformation:
    active:
      rpcAddress: "localhost:7233"
`;
const DYNAMIC =
  'component.nexusoperations.callback.endpoint.template:\n  - value: http://localhost:7243/namespaces/{{.NamespaceName}}/nexus/callback\n';
const target = {
  postgres: new URL('postgresql://postgres:secret@127.0.0.1:41234/postgres'),
  databases: ['temporal_t', 'temporal_t_visibility'] as const,
  portFor: new Map([
    [7233, 21001],
    [7243, 21002],
    [6933, 21003],
    [7936, 21004],
    [8000, 21005],
  ]),
};

describe('the real Temporal server configuration', () => {
  it('points the sample at our PostgreSQL, databases and ports, and leaves no sample value behind', () => {
    const { config, dynamicConfig } = serverConfigFrom({ config: SAMPLE, dynamicConfig: DYNAMIC }, target);
    expect(config).toContain('databaseName: "temporal_t"\n');
    expect(config).toContain('databaseName: "temporal_t_visibility"\n');
    expect(config.match(/connectAddr: "127.0.0.1:41234"/g)).toHaveLength(2);
    expect(config.match(/user: "postgres"/g)).toHaveLength(2);
    expect(config.match(/password: "secret"/g)).toHaveLength(2);
    expect(config).toContain('level: warn');
    expect(config).toContain('grpcPort: 21001');
    expect(config).toContain('rpcAddress: "localhost:21001"');
    expect(config).toContain('listenAddress: "127.0.0.1:21005"');
    for (const sample of ['5432', '7233', '7243', '6933', '7936', '8000', '"temporal"']) expect(config).not.toContain(sample);
    expect(dynamicConfig).toContain('http://localhost:21002/namespaces/');
  });

  it('refuses a sample that lacks what it changes, rather than start a server on the sample values', () => {
    expect(() =>
      serverConfigFrom(
        { config: SAMPLE.replace('grpcPort: 7233', 'grpcPort: 7333').replace('localhost:7233', 'x'), dynamicConfig: DYNAMIC },
        target,
      ),
    ).toThrow(/no .*7233/);
    expect(() =>
      serverConfigFrom({ config: SAMPLE.replaceAll('127.0.0.1:5432', '127.0.0.1:5433'), dynamicConfig: DYNAMIC }, target),
    ).toThrow(/5432/);
  });
});
