import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { PackageURL } from 'packageurl-js';
import { FileBlobStore } from '@dhi/image';
import { toCycloneDx, type CatalogResult, type SbomImage } from '../src/index.js';
import { alpineCatalog, languageResult } from './support/export-fixtures.js';

interface CdxComponent {
  'bom-ref': string;
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  licenses?: ({ license: { id?: string; name?: string } } | { expression: string })[];
  properties?: { name: string; value: string }[];
}
interface CdxBom {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  metadata: { timestamp: string; component: CdxComponent & { hashes?: { alg: string; content: string }[] }; properties?: { name: string; value: string }[] };
  components: CdxComponent[];
}

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

async function valid(result: CatalogResult, image: SbomImage): Promise<CdxBom> {
  const bom = toCycloneDx(result, image, { timestamp: new Date('2024-05-01T10:00:00.000Z') });
  expect(await validator.validate(JSON.stringify(bom))).toBeNull();
  return bom as CdxBom;
}

const prop = (component: CdxComponent, name: string): string | undefined => component.properties?.find((p) => p.name === name)?.value;
const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('toCycloneDx on the real Alpine corpus images', () => {
  let root: string;
  let store: FileBlobStore;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'dhi-sbom-cdx-'));
    store = new FileBlobStore(join(root, 'store'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(['alpine-310', 'alpine-311'])('%s: a schema-valid 1.6 document with every package, its layer and licenses', async (name) => {
    const { image, result } = await alpineCatalog(name, store);
    const bom = await valid(result, { name: `registry.example/library/${name}`, tag: 'latest', digest: image.manifestDigest, platform: `${image.platform.os}/${image.platform.architecture}` });

    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(bom.metadata.timestamp).toBe('2024-05-01T10:00:00.000Z');
    expect(bom.metadata.component).toMatchObject({ type: 'container', name: `registry.example/library/${name}`, version: 'latest' });
    expect(bom.metadata.component.hashes).toEqual([{ alg: 'SHA-256', content: image.manifestDigest.slice('sha256:'.length) }]);
    expect(bom.metadata.component.purl).toBe(`pkg:oci/${name}@${encodeURIComponent(image.manifestDigest)}?arch=amd64&repository_url=registry.example/library/${name}&tag=latest`);

    const os = bom.components.filter((c) => c.type === 'operating-system');
    expect(os).toEqual([expect.objectContaining({ name: 'alpine', version: result.os?.versionId })]);
    const libraries = bom.components.filter((c) => c.type === 'library');
    expect(libraries.map((c) => c.purl).sort()).toEqual(result.packages.map((p) => p.purl).sort());
    for (const component of libraries) expect(PackageURL.fromString(component.purl ?? '').type).toBe('apk');
    expect(new Set(bom.components.map((c) => c['bom-ref'])).size).toBe(bom.components.length);

    const ssl = libraries.find((c) => c.name === 'libssl1.1');
    expect(prop(ssl!, 'dhi:source:name')).toBe('openssl');
    expect(prop(ssl!, 'dhi:layer:index')).toBe('0');
    expect(prop(ssl!, 'dhi:layer:digest')).toBe(image.layers[0].digest);
    expect(prop(ssl!, 'dhi:location:metadata')).toBe('/lib/apk/db/installed');
    expect(libraries.find((c) => c.name === 'musl')?.licenses).toEqual([{ license: { id: 'MIT' } }]);
  });
});

describe('toCycloneDx on npm and Python packages', () => {
  const image: SbomImage = { name: 'registry.local/team/app', tag: null, digest: DIGEST };

  it('writes ids, one expression or names per component, unique refs and layer properties', async () => {
    const result = await languageResult();
    const bom = await valid(result, image);
    const byRef = new Map(bom.components.map((c) => [c['bom-ref'], c]));
    expect(bom.metadata.component).toMatchObject({ name: 'registry.local/team/app', version: DIGEST, purl: `pkg:oci/app@sha256%3A${'ab'.repeat(32)}?repository_url=registry.local/team/app` });
    expect(bom.components.some((c) => c.type === 'operating-system')).toBe(false);
    expect(bom.components).toHaveLength(result.packages.length);

    const licenses = (purl: string): unknown => byRef.get(purl)?.licenses;
    expect(licenses('pkg:npm/lodash@4.17.21')).toEqual([{ license: { id: 'MIT' } }]);
    expect(licenses('pkg:npm/%40scope/dual@1.0.0')).toEqual([{ expression: '(MIT OR Apache-2.0)' }]);
    expect(licenses('pkg:npm/multi@2.0.0')).toEqual([{ license: { id: 'MIT' } }, { license: { id: 'Apache-2.0' } }]);
    expect(licenses('pkg:npm/mixed@0.1.0')).toEqual([{ expression: '(BSD-3-Clause OR MIT) AND Apache-2.0' }]);
    expect(licenses('pkg:npm/custom@3.0.0')).toEqual([{ license: { name: 'SEE LICENSE IN LICENSE.md' } }]);
    expect(licenses('pkg:pypi/requests@2.31.0')).toEqual([{ license: { id: 'Apache-2.0' } }]);
    expect(licenses('pkg:pypi/typing-extensions@4.9.0')).toEqual([{ expression: 'PSF-2.0 OR MIT' }]);
    expect(licenses('pkg:pypi/oddity@1.0')).toEqual([{ license: { name: 'Copyright Oddity Inc., all rights reserved' } }]);
    expect(licenses('pkg:pypi/nolicense@0.1')).toBeUndefined();

    // the nested copy of lodash 4.17.20 keeps its own component and location
    const nested = bom.components.find((c) => c.purl === 'pkg:npm/lodash@4.17.20');
    expect(prop(nested!, 'dhi:location:metadata')).toBe('/srv/app/node_modules/custom/node_modules/lodash/package.json');
    const upgraded = byRef.get('pkg:npm/lodash@4.17.21')!;
    expect([prop(upgraded, 'dhi:layer:index'), prop(upgraded, 'dhi:package:foundBy')]).toEqual(['1', 'npm-package-json']);
  });

  it('keeps components distinct when one purl is installed at several places, and reports notes', async () => {
    const result = await languageResult();
    const lodash = result.packages.find((p) => p.name === 'lodash')!;
    const twice: CatalogResult = {
      ...result,
      packages: [lodash, { ...lodash, locations: ['/other/node_modules/lodash/package.json'] }],
      notes: [{ code: 'metadata_truncated', message: 'bigger than 64 MiB', path: '/var/lib/dpkg/status' }],
    };
    const bom = await valid(twice, image);
    expect(bom.components.map((c) => c['bom-ref'])).toEqual([lodash.purl, `${lodash.purl}#1`]);
    expect(bom.metadata.properties).toEqual([{ name: 'dhi:note:metadata_truncated', value: '/var/lib/dpkg/status: bigger than 64 MiB' }]);
  });

  it('is checked by a validator that rejects a broken document', async () => {
    const bom = toCycloneDx(await languageResult(), image) as CdxBom;
    bom.components[0].type = 'not-a-type';
    expect(await validator.validate(JSON.stringify(bom))).not.toBeNull();
  });

  it('splits maven names into group and name and gives each document a new serial number', async () => {
    const result: CatalogResult = {
      os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)', ecosystem: 'Debian:12' },
      packages: [{
        name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1', ecosystem: 'maven', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        arch: null, source: null, licenses: ['Apache-2.0'], layerIndex: 2, layerDigest: DIGEST, locations: ['/app/app.jar'], foundBy: 'java-archive',
      }],
      removed: [],
      notes: [],
    };
    const first = await valid(result, image);
    const second = await valid(result, image);
    expect(first.components[1]).toMatchObject({ group: 'org.apache.logging.log4j', name: 'log4j-core', version: '2.14.1' });
    expect(first.components[0]).toMatchObject({ type: 'operating-system', name: 'debian', version: '12' });
    expect(first.serialNumber).not.toBe(second.serialNumber);
  });
});
