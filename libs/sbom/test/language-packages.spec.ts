import { catalogImage, type Package } from '../src/index.js';
import { imageOf } from './support/layers.js';

const pkgJson = (fields: Record<string, unknown>): string => JSON.stringify({ description: 'x', main: 'index.js', ...fields }, null, 2);
const APP = '/srv/app';
const nm = (path: string): string => `${APP.slice(1)}/node_modules/${path}`;

const LOCKFILE = JSON.stringify({
  name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true,
  packages: {
    '': { name: 'app', version: '1.0.0', dependencies: { express: '^4.18.2' } },
    'node_modules/express': { version: '4.18.2', resolved: 'https://npm.example/express/-/express-4.18.2.tgz', license: 'MIT' },
    'node_modules/lodash': { version: '4.17.20', license: 'MIT' },
    'node_modules/jest': { version: '29.7.0', dev: true, license: 'MIT' },
    'node_modules/local-lib': { resolved: 'packages/local-lib', link: true },
    'node_modules/@types/node': { version: '20.11.0', license: 'MIT' },
    'node_modules/git-dep': { version: 'git+ssh://git@github.com/a/b.git#abc', license: 'MIT' },
  },
});

async function nodeImage() {
  return imageOf([
    [
      { name: nm('lodash/package.json'), data: pkgJson({ name: 'lodash', version: '4.17.20', license: 'MIT' }) },
      { name: nm('left-pad/package.json'), data: pkgJson({ name: 'left-pad', version: '1.3.0', license: 'WTFPL' }) },
      { name: nm('@babel/core/package.json'), data: pkgJson({ name: '@babel/core', version: '7.23.0', license: { type: 'MIT' } }) },
      { name: nm('debug/package.json'), data: pkgJson({ name: 'debug', version: '4.3.4', licenses: [{ type: 'MIT' }] }) },
      { name: nm('debug/node_modules/ms/package.json'), data: pkgJson({ name: 'ms', version: '2.1.2', license: 'MIT' }) },
      { name: nm('debug/esm/package.json'), data: '{"type":"module"}' },
      { name: nm('resolve/test/node_modules/fixture/package.json'), data: pkgJson({ name: 'fixture' }) },
      { name: nm('broken/package.json'), data: '{ not json' },
      { name: 'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA', data: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nLicense: Apache 2.0\nClassifier: License :: OSI Approved :: Apache Software License\n\nBody text\nLicense: not a header\n' },
      { name: 'usr/lib/python3/dist-packages/PyYAML-6.0.1.dist-info/METADATA', data: 'Metadata-Version: 2.1\nName: PyYAML\nVersion: 6.0.1\nLicense: Permission is hereby granted, free of charge,\n  to any person obtaining a copy\nClassifier: Programming Language :: Python\nClassifier: License :: OSI Approved :: MIT License\n' },
      { name: 'usr/lib/python3/dist-packages/Typing_Extensions-4.9.0.dist-info/METADATA', data: 'Metadata-Version: 2.4\nName: Typing_Extensions\nVersion: 4.9.0\nLicense-Expression: PSF-2.0 OR mit\n' },
      { name: 'usr/lib/python3/dist-packages/six-1.16.0.egg-info', data: 'Metadata-Version: 1.1\nName: six\nVersion: 1.16.0\nLicense: MIT\n' },
      { name: 'usr/lib/python3/dist-packages/chardet-5.1.0.egg-info/PKG-INFO', data: 'Metadata-Version: 1.2\nName: chardet\nVersion: 5.1.0\nLicense: LGPL\n' },
    ],
    [
      { name: nm('.wh.left-pad') },
      { name: nm('lodash/package.json'), data: pkgJson({ name: 'lodash', version: '4.17.21', license: 'MIT' }) },
      { name: `${APP.slice(1)}/package-lock.json`, data: LOCKFILE },
    ],
  ]);
}

const summary = (packages: Package[]) => packages.map((p) => `${p.ecosystem}:${p.name}@${p.version}#${p.layerIndex}`);

describe('npm and Python packages', () => {
  it('finds installed npm packages at any depth, skips what is not a package, and reads lockfiles for the rest', async () => {
    const { layers, source } = await nodeImage();
    const result = await catalogImage(layers, source);
    const npm = result.packages.filter((p) => p.ecosystem === 'npm');
    expect(summary(npm)).toEqual([
      'npm:@babel/core@7.23.0#0', 'npm:@types/node@20.11.0#1', 'npm:debug@4.3.4#0', 'npm:express@4.18.2#1', 'npm:lodash@4.17.21#1', 'npm:ms@2.1.2#0',
    ]);
    const by = (name: string) => npm.find((p) => p.name === name);
    expect(by('@babel/core')).toMatchObject({ purl: 'pkg:npm/%40babel/core@7.23.0', licenses: ['MIT'], locations: [`${APP}/node_modules/@babel/core/package.json`] });
    expect(by('debug')?.licenses).toEqual(['MIT']);
    expect(by('ms')?.locations).toEqual([`${APP}/node_modules/debug/node_modules/ms/package.json`]);
    expect(by('express')).toMatchObject({ foundBy: 'npm-lockfile', locations: [`${APP}/package-lock.json`], licenses: ['MIT'], purl: 'pkg:npm/express@4.18.2' });
    expect(by('lodash')?.foundBy).toBe('npm-package-json');
    expect(summary(result.removed)).toEqual(['npm:left-pad@1.3.0#0', 'npm:lodash@4.17.20#0']);
    expect(result.removed.map((p) => [p.reason, p.removedLayerIndex])).toEqual([['removed', 1], ['replaced', 1]]);
  });

  it('reads Python dist-info, egg-info directories and egg-info files with their licenses', async () => {
    const { layers, source } = await nodeImage();
    const { packages } = await catalogImage(layers, source);
    const pypi = packages.filter((p) => p.ecosystem === 'pypi');
    expect(pypi.map((p) => [p.name, p.version, p.purl, p.licenses])).toEqual([
      ['PyYAML', '6.0.1', 'pkg:pypi/pyyaml@6.0.1', ['MIT']],
      ['Typing_Extensions', '4.9.0', 'pkg:pypi/typing-extensions@4.9.0', ['PSF-2.0 OR MIT']],
      ['chardet', '5.1.0', 'pkg:pypi/chardet@5.1.0', ['LGPL']],
      ['requests', '2.31.0', 'pkg:pypi/requests@2.31.0', ['Apache-2.0']],
      ['six', '1.16.0', 'pkg:pypi/six@1.16.0', ['MIT']],
    ]);
    expect(pypi[4].locations).toEqual(['/usr/lib/python3/dist-packages/six-1.16.0.egg-info']);
  });
});
