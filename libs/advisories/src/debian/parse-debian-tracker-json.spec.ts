import { isAdvisoryError } from '../advisory-error.js';
import { parseDebianTrackerJson } from './parse-debian-tracker-json.js';

// Hand-written sample in the documented layout of https://security-tracker.debian.org/tracker/data/json (no real
// sample is in the corpora): package → CVE/TEMP id → {description, scope, releases: codename → {status,
// repositories, fixed_version, urgency}}. Values mirror real entries: a fix per release, a release that was never
// affected (fixed_version "0"), an open issue, an NVD-derived urgency ("**"), an end-of-life release and sid.
const SAMPLE = {
  openssl: {
    'CVE-2023-0286': {
      description: 'X.400 address type confusion in X.509 GeneralName\nsecond line',
      scope: 'remote',
      releases: {
        bullseye: { status: 'resolved', repositories: { bullseye: '1.1.1n-0+deb11u5' }, fixed_version: '1.1.1n-0+deb11u4', urgency: 'high' },
        bookworm: { status: 'resolved', repositories: { bookworm: '3.0.11-1~deb12u2' }, fixed_version: '3.0.8-1', urgency: 'medium' },
        buster: { status: 'open', repositories: { buster: '1.1.1n-0+deb10u3' }, urgency: 'end-of-life' },
        sid: { status: 'resolved', repositories: { sid: '3.1.4-2' }, fixed_version: '3.0.8-1', urgency: 'high' },
      },
    },
  },
  openssl1: {
    'CVE-2023-0286': { releases: { bullseye: { status: 'resolved', repositories: {}, fixed_version: '0', urgency: 'not yet assigned' } } },
  },
  curl: {
    'CVE-2024-2398': {
      description: 'HTTP/2 push headers memory-leak',
      releases: {
        bookworm: { status: 'open', repositories: { bookworm: '7.88.1-10+deb12u5' }, urgency: 'low**' },
        trixie: { status: 'undetermined', repositories: { trixie: '8.7.1-1' }, urgency: 'unimportant' },
      },
    },
    'TEMP-0000000-ABCDEF': { releases: 'broken' },
  },
};

describe('parseDebianTrackerJson', () => {
  const results = [...parseDebianTrackerJson(JSON.stringify(SAMPLE), '2024-05-01T00:00:00Z', 'json')];

  it('gives one DEBIAN-<CVE> advisory per CVE across packages and releases', () => {
    const openssl = results.find((r) => r.ok && r.advisory.id === 'DEBIAN-CVE-2023-0286');
    if (!openssl?.ok) throw new Error('missing');
    expect(openssl.advisory).toMatchObject({
      modified: '2024-05-01T00:00:00Z',
      aliases: ['CVE-2023-0286'],
      summary: 'X.400 address type confusion in X.509 GeneralName',
      severity: { rating: 'high', ratingSource: 'database_specific', databaseSpecific: { value: 'high', rating: 'high' } },
    });
    expect(openssl.advisory.affected.map((a) => [a.ecosystem, a.name, a.databaseSpecific?.status, a.ranges[0].events.at(-1)?.version])).toEqual([
      ['Debian:11', 'openssl', 'fixed', '1.1.1n-0+deb11u4'],
      ['Debian:12', 'openssl', 'fixed', '3.0.8-1'],
      ['Debian:10', 'openssl', 'end-of-life', '0'],
    ]);
    expect(openssl.warnings).toEqual(['openssl/sid: unknown release; ignored']);
  });

  it('maps open and undetermined issues to unfixed entries and keeps the urgency', () => {
    const curl = results.find((r) => r.ok && r.advisory.id === 'DEBIAN-CVE-2024-2398');
    if (!curl?.ok) throw new Error('missing');
    expect(curl.advisory.affected.map((a) => [a.ecosystem, a.databaseSpecific])).toEqual([
      ['Debian:12', { status: 'unfixed', urgency: 'low' }],
      ['Debian:13', { status: 'undetermined', urgency: 'unimportant' }],
    ]);
    expect(curl.advisory.severity.rating).toBe('low');
  });

  it('reports malformed entries without stopping, and refuses input that is not the tracker JSON', () => {
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, source: 'json#curl/TEMP-0000000-ABCDEF', error: { code: 'invalid_record', message: 'curl/TEMP-0000000-ABCDEF: "releases" is not an object' } },
    ]);
    expect(() => [...parseDebianTrackerJson('[]', '2024-05-01T00:00:00Z')]).toThrow(/not the tracker's JSON/);
    let caught: unknown;
    try {
      Array.from(parseDebianTrackerJson('{', '2024-05-01T00:00:00Z'));
    } catch (error) {
      caught = error;
    }
    expect(isAdvisoryError(caught, 'unreadable')).toBe(true);
  });
});
