import { checkImageConfig } from '../src/index.js';
import { configOf, findSecrets, hitsOf } from './support/fixtures.js';

const PROVENANCE = { 'org.opencontainers.image.source': 'https://git.example/team/app', 'org.opencontainers.image.revision': '3f1c2a9' };
const run = (config: Record<string, unknown>) => checkImageConfig({ config: configOf({ User: '65532', ...config }), fs: null, runtimeVariant: false, findSecrets });

describe('health check', () => {
  it('reports a missing or disabled HEALTHCHECK as low', () => {
    expect(hitsOf(run({}), 'config.no-healthcheck')).toEqual([
      { ruleId: 'config.no-healthcheck', key: ['Healthcheck'], title: 'Image has no HEALTHCHECK', evidence: { path: null, details: { key: 'Healthcheck' } } },
    ]);
    expect(hitsOf(run({ Healthcheck: { Test: ['NONE'] } }), 'config.no-healthcheck')[0].title).toBe('HEALTHCHECK is disabled (NONE)');
  });

  it('accepts a health check command', () => {
    expect(hitsOf(run({ Healthcheck: { Test: ['CMD', '/app/healthcheck'], Interval: 30_000_000_000 } }), 'config.no-healthcheck')).toEqual([]);
    expect(hitsOf(run({ Healthcheck: { Test: ['CMD-SHELL', 'curl -f http://localhost/'] } }), 'config.no-healthcheck')).toEqual([]);
  });
});

describe('provenance labels', () => {
  it('reports each missing or empty label with a LABEL patch', () => {
    const hits = hitsOf(run({ Labels: { 'org.opencontainers.image.revision': ' ' } }), 'config.missing-provenance-label');
    expect(hits.map((hit) => [hit.key[0], hit.severity, hit.patch])).toEqual([
      ['org.opencontainers.image.source', undefined, 'LABEL org.opencontainers.image.source="<repo url>"'],
      ['org.opencontainers.image.revision', undefined, 'LABEL org.opencontainers.image.revision="<commit sha>"'],
    ]);
    expect(hits[0].evidence).toEqual({ path: null, details: { key: 'Labels', label: 'org.opencontainers.image.source' } });
  });

  it('accepts both labels set', () => {
    expect(hitsOf(run({ Labels: PROVENANCE }), 'config.missing-provenance-label')).toEqual([]);
  });
});

describe('sensitive ports', () => {
  it('reports remote shells and the Docker API as high and databases as medium', () => {
    const hits = hitsOf(run({ ExposedPorts: { '22/tcp': {}, '2375/tcp': {}, '5432/tcp': {}, '11211/udp': {}, '8080/tcp': {} } }), 'config.sensitive-port');
    expect(hits.map((hit) => [hit.key[0], hit.severity])).toEqual([
      ['22/tcp', 'high'],
      ['2375/tcp', 'high'],
      ['5432/tcp', 'medium'],
      ['11211/udp', 'medium'],
    ]);
    expect(hits[0]).toMatchObject({ title: 'Port 22/tcp (SSH) is exposed', evidence: { path: null, details: { key: 'ExposedPorts', port: 22, protocol: 'tcp', service: 'SSH' } } });
  });

  it('sees a sensitive port inside a range', () => {
    expect(hitsOf(run({ ExposedPorts: { '6000-6500/tcp': {} } }), 'config.sensitive-port').map((hit) => hit.title)).toEqual(['Port 6379/tcp (Redis) is exposed by the range 6000-6500/tcp']);
  });

  it('accepts application ports and a database port on the wrong protocol', () => {
    expect(hitsOf(run({ ExposedPorts: { '8080/tcp': {}, '443/tcp': {}, '53/udp': {}, '5432/udp': {} } }), 'config.sensitive-port')).toEqual([]);
  });
});
