import { attribute } from './attribution.js';
import { type FoundPackage } from './cataloger.js';

const pkg = (name: string, version: string): FoundPackage => ({
  name, version, ecosystem: 'deb', purl: `pkg:deb/debian/${name}@${version}`, arch: 'amd64', source: null, licenses: [], locations: ['/s'], foundBy: 't',
});
const digest = (i: number): string => `sha256:${i}`;

describe('attribute', () => {
  it('dates a package from the start of its last unbroken run, and records every departure', () => {
    const a = pkg('a', '1');
    const { packages, removed } = attribute([
      { layerIndex: 0, packages: [a, pkg('b', '1')] },
      { layerIndex: 1, packages: [pkg('b', '2')] },
      { layerIndex: 2, packages: null },
      { layerIndex: 4, packages: [a, pkg('b', '2')] },
    ], digest);
    expect(packages.map((p) => [p.name, p.version, p.layerIndex, p.layerDigest])).toEqual([['a', '1', 4, 'sha256:4'], ['b', '2', 4, 'sha256:4']]);
    expect(removed.map((p) => [p.name, p.version, p.layerIndex, p.removedLayerIndex, p.reason])).toEqual([
      ['a', '1', 0, 1, 'removed'],
      ['b', '1', 0, 1, 'replaced'],
      ['b', '2', 1, 2, 'removed'],
    ]);
  });
});
