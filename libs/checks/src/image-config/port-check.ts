import { type Severity } from '@dhi/contracts';
import { type CheckHit } from '../check-hit.js';
import { type ConfigInput, runtimeConfig } from './config-input.js';
import { SENSITIVE_PORT_RULE } from './config-rules.js';

interface SensitivePort {
  service: string;
  severity: Severity;
  protocols: readonly string[];
}

const TCP = ['tcp'];
// remote shells and the unauthenticated Docker API are high; the rest are services rarely meant to face users
const SENSITIVE: ReadonlyMap<number, SensitivePort> = new Map([
  [22, { service: 'SSH', severity: 'high', protocols: TCP }],
  [23, { service: 'Telnet', severity: 'high', protocols: TCP }],
  [2375, { service: 'Docker API without TLS', severity: 'high', protocols: TCP }],
  [2376, { service: 'Docker API', severity: 'medium', protocols: TCP }],
  [21, { service: 'FTP', severity: 'medium', protocols: TCP }],
  [445, { service: 'SMB', severity: 'medium', protocols: TCP }],
  [3389, { service: 'RDP', severity: 'medium', protocols: TCP }],
  [5900, { service: 'VNC', severity: 'medium', protocols: TCP }],
  [1433, { service: 'SQL Server', severity: 'medium', protocols: TCP }],
  [1521, { service: 'Oracle Database', severity: 'medium', protocols: TCP }],
  [2379, { service: 'etcd', severity: 'medium', protocols: TCP }],
  [3306, { service: 'MySQL', severity: 'medium', protocols: TCP }],
  [5432, { service: 'PostgreSQL', severity: 'medium', protocols: TCP }],
  [5984, { service: 'CouchDB', severity: 'medium', protocols: TCP }],
  [6379, { service: 'Redis', severity: 'medium', protocols: TCP }],
  [9042, { service: 'Cassandra', severity: 'medium', protocols: TCP }],
  [9200, { service: 'Elasticsearch', severity: 'medium', protocols: TCP }],
  [11211, { service: 'memcached', severity: 'medium', protocols: ['tcp', 'udp'] }],
  [27017, { service: 'MongoDB', severity: 'medium', protocols: TCP }],
]);

/** Exposed ports of remote-shell, Docker API and database services (`22/tcp`, ranges like `2370-2380/tcp` included). */
export function portHits(input: ConfigInput): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const spec of Object.keys(runtimeConfig(input).ExposedPorts ?? {})) {
    const match = /^(\d+)(?:-(\d+))?(?:\/([a-z]+))?$/i.exec(spec.trim());
    if (!match) continue;
    const protocol = (match[3] ?? 'tcp').toLowerCase();
    const [low, high] = [Number(match[1]), Number(match[2] ?? match[1])];
    for (const [port, sensitive] of SENSITIVE) {
      if (port < low || port > high || !sensitive.protocols.includes(protocol)) continue;
      hits.push({
        ruleId: SENSITIVE_PORT_RULE,
        key: [`${port}/${protocol}`],
        severity: sensitive.severity,
        title: `Port ${port}/${protocol} (${sensitive.service}) is exposed${low !== high ? ` by the range ${spec}` : ''}`,
        evidence: { path: null, details: { key: 'ExposedPorts', port, protocol, service: sensitive.service } },
      });
    }
  }
  return hits;
}
