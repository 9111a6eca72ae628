import { isAffected, matchRecord, type OsvAffected, type OsvRecordLike } from '../src/index.js';
import { readOsvRecord } from './support/corpora.js';

function check(record: OsvRecordLike, ecosystem: string, name: string, version: string) {
  const r = matchRecord(record, { ecosystem, name, version });
  return { affected: r.affected, fixed: r.fixed, lastAffected: r.lastAffected };
}

describe('GitHub advisories (npm and Maven)', () => {
  it('express GHSA-qw6h-vgh9-j6wx: two entries, one with a prerelease lower bound', () => {
    const record = readOsvRecord<OsvRecordLike>('npm', 'GHSA-qw6h-vgh9-j6wx.json');
    expect(check(record, 'npm', 'express', '4.19.2')).toEqual({ affected: true, fixed: '4.20.0', lastAffected: undefined });
    expect(check(record, 'npm', 'express', '4.20.0').affected).toBe(false);
    expect(check(record, 'npm', 'express', '5.0.0-beta.1')).toMatchObject({ affected: true, fixed: '5.0.0' });
    expect(check(record, 'npm', 'express', '5.0.0-alpha.0').affected).toBe(false);
    expect(check(record, 'npm', 'express', '5.0.0').affected).toBe(false);
  });

  it('node-fetch GHSA-r683-j2x4-v87g: a non-semver bound ("1.0") and overlapping entries give the fix that leaves both', () => {
    const record = readOsvRecord<OsvRecordLike>('npm', 'GHSA-r683-j2x4-v87g.json');
    expect(check(record, 'npm', 'node-fetch', '2.6.5')).toMatchObject({ affected: true, fixed: '3.1.1' });
    expect(check(record, 'npm', 'node-fetch', '0.9.0')).toMatchObject({ affected: true, fixed: '2.6.7' });
    expect(check(record, 'npm', 'node-fetch', '3.1.1').affected).toBe(false);
  });

  it('Axios GHSA-8hc4-vh64-cxmj: the capitalised advisory name matches the npm package axios', () => {
    const record = readOsvRecord<OsvRecordLike>('npm', 'GHSA-8hc4-vh64-cxmj.json');
    expect(check(record, 'npm', 'axios', '1.7.3')).toMatchObject({ affected: true, fixed: '1.7.4' });
    expect(check(record, 'npm', 'axios', '1.3.1').affected).toBe(false);
  });

  it('lodash GHSA-29mw-wpgm-hmr9: last_affected for lodash.trim, fixed for lodash', () => {
    const record = readOsvRecord<OsvRecordLike>('npm', 'GHSA-29mw-wpgm-hmr9.json');
    expect(check(record, 'npm', 'lodash.trim', '4.5.1')).toEqual({ affected: true, fixed: undefined, lastAffected: '4.5.1' });
    expect(check(record, 'npm', 'lodash.trim', '4.5.2').affected).toBe(false);
    expect(check(record, 'npm', 'lodash', '4.17.20')).toMatchObject({ affected: true, fixed: '4.17.21' });
  });

  it('qs GHSA-hrpp-h998-j3pp: nine ranges, each with its own fix', () => {
    const record = readOsvRecord<OsvRecordLike>('npm', 'GHSA-hrpp-h998-j3pp.json');
    expect(check(record, 'npm', 'qs', '6.5.2')).toMatchObject({ affected: true, fixed: '6.5.3' });
    expect(check(record, 'npm', 'qs', '6.5.3').affected).toBe(false);
    expect(check(record, 'npm', 'qs', '6.2.3')).toMatchObject({ affected: true, fixed: '6.2.4' });
  });

  it('Log4Shell GHSA-jfh8-c2jp-5v3q: log4j-core [2.13.0, 2.15.0), [0, 2.3.1), [2.4, 2.12.2)', () => {
    const record = readOsvRecord<OsvRecordLike>('maven', 'GHSA-jfh8-c2jp-5v3q.json');
    const name = 'org.apache.logging.log4j:log4j-core';
    expect(check(record, 'Maven', name, '2.14.1')).toMatchObject({ affected: true, fixed: '2.15.0' });
    expect(check(record, 'Maven', name, '2.3')).toMatchObject({ affected: true, fixed: '2.3.1' });
    expect(check(record, 'Maven', name, '2.12.1')).toMatchObject({ affected: true, fixed: '2.12.2' });
    expect(check(record, 'Maven', name, '2.0-beta9')).toMatchObject({ affected: true, fixed: '2.3.1' });
    for (const v of ['2.3.1', '2.12.2', '2.15.0', '2.17.1']) expect(check(record, 'Maven', name, v).affected).toBe(false);
    expect(check(record, 'Maven', 'org.apache.logging.log4j:log4j-api', '2.14.1').affected).toBe(false);
  });
});

describe('Debian and range semantics', () => {
  // DSA-5343-1 as the security tracker gives it: openssl fixed in bullseye at 1.1.1n-0+deb11u4.
  const dsa: OsvRecordLike = {
    id: 'DSA-5343-1',
    affected: [{ package: { ecosystem: 'Debian:11', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1n-0+deb11u4' }] }] }],
  };

  it('matches the release the advisory names, by source package, with dpkg ordering', () => {
    expect(check(dsa, 'Debian:11', 'openssl', '1.1.1n-0+deb11u3')).toMatchObject({ affected: true, fixed: '1.1.1n-0+deb11u4' });
    expect(check(dsa, 'Debian:11', 'openssl', '1.1.1n-0+deb11u4').affected).toBe(false);
    expect(check(dsa, 'Debian:11', 'openssl', '1.1.1n-0+deb11u4+b1').affected).toBe(false);
    expect(check(dsa, 'Debian:12', 'openssl', '1.1.1n-0+deb11u3').affected).toBe(false);
  });

  it('accepts the normalised shape of @dhi/advisories (flat package, {kind, version} events)', () => {
    const normalised = {
      id: 'DSA-5343-1',
      affected: [{ ecosystem: 'Debian:11', name: 'openssl', ranges: [{ type: 'ECOSYSTEM', events: [{ kind: 'introduced', version: '0' }, { kind: 'fixed', version: '1.1.1n-0+deb11u4' }] }] }],
    };
    expect(check(normalised, 'Debian:11', 'openssl', '1.1.1k-1+deb11u1')).toMatchObject({ affected: true, fixed: '1.1.1n-0+deb11u4' });
  });

  it('limit: a version must be below one limit ("*" for none)', () => {
    const limited: OsvAffected = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }] }] };
    expect(isAffected('npm', '1.9.9', limited).affected).toBe(true);
    expect(isAffected('npm', '2.0.0', limited).affected).toBe(false);
    expect(isAffected('npm', '0.9.0', limited).affected).toBe(false);
    const unlimited: OsvAffected = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { limit: '*' }] }] };
    expect(isAffected('npm', '9.0.0', unlimited).affected).toBe(true);
  });

  it('events are evaluated in version order, whatever order the record lists them in', () => {
    const unsorted: OsvAffected = { ranges: [{ type: 'SEMVER', events: [{ fixed: '2.0.0' }, { introduced: '1.5.0' }, { fixed: '1.2.0' }, { introduced: '0' }] }] };
    expect(isAffected('npm', '1.1.0', unsorted)).toMatchObject({ affected: true, fixed: '1.2.0' });
    expect(isAffected('npm', '1.3.0', unsorted).affected).toBe(false);
    expect(isAffected('npm', '1.6.0', unsorted)).toMatchObject({ affected: true, fixed: '2.0.0' });
  });

  it('a bound that cannot be parsed drops its range and is reported', () => {
    const broken: OsvAffected = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: 'trunk' }] }] };
    const result = isAffected('PyPI', '1.0', broken);
    expect(result.affected).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['invalid_version']);
  });

  it('an unknown ecosystem is reported, not thrown', () => {
    expect(isAffected('Hackage', '1.0.0', { versions: ['1.0.0'] }).errors[0]?.code).toBe('unknown_ecosystem');
  });
});
