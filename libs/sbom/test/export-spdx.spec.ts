import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import parseSpdxExpression from 'spdx-expression-parse';
import { FileBlobStore } from '@dhi/image';
import { toSpdx, type CatalogResult, type SbomImage } from '../src/index.js';
import { alpineCatalog, languageResult } from './support/export-fixtures.js';
import { officialSpdx23Schema, spdx23Checks, type Spdx23Checks } from './support/official-spdx-schema.js';

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  licenseDeclared: string;
  licenseConcluded: string;
  sourceInfo?: string;
  comment?: string;
  primaryPackagePurpose?: string;
  checksums?: { algorithm: string; checksumValue: string }[];
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
}
interface SpdxDocument {
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
  hasExtractedLicensingInfos?: { licenseId: string; extractedText: string }[];
}

let checks: Spdx23Checks;
beforeAll(async () => {
  checks = await spdx23Checks();
}, 10 * 60_000);

/** Valid under the official schema and the value formats, and the cross-references no schema can express hold. */
function valid(result: CatalogResult, image: SbomImage): SpdxDocument {
  const doc = toSpdx(result, image, { timestamp: new Date('2024-05-01T10:00:00.123Z'), documentKey: 'build-42' }) as SpdxDocument;
  expect(checks.official(doc)).toEqual([]);
  expect(checks.valueFormats(doc)).toEqual([]);
  const ids = doc.packages.map((p) => p.SPDXID);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of doc.relationships) expect([...ids, 'SPDXRef-DOCUMENT']).toEqual(expect.arrayContaining([r.spdxElementId, r.relatedSpdxElement]));
  const declared = new Set((doc.hasExtractedLicensingInfos ?? []).map((info) => info.licenseId));
  for (const pkg of doc.packages) {
    for (const license of [pkg.licenseDeclared, pkg.licenseConcluded].filter((l) => l !== 'NOASSERTION')) {
      expect(() => parseSpdxExpression(license)).not.toThrow();
      for (const ref of license.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) expect(declared).toContain(ref);
    }
    for (const ref of pkg.externalRefs ?? []) expect(() => PackageURL.fromString(ref.referenceLocator)).not.toThrow();
  }
  return doc;
}

const DIGEST = `sha256:${'cd'.repeat(32)}`;
const purlOf = (pkg: SpdxPackage): string | undefined => pkg.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;

describe('toSpdx on the real Alpine corpus images', () => {
  let root: string;
  let store: FileBlobStore;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'dhi-sbom-spdx-'));
    store = new FileBlobStore(join(root, 'store'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(['alpine-310', 'alpine-311'])('%s: the image DESCRIBED, CONTAINING the OS and every package', async (name) => {
    const { image, result } = await alpineCatalog(name, store);
    const doc = valid(result, { name: `registry.example/library/${name}`, tag: '3', digest: image.manifestDigest });
    expect(doc.creationInfo).toEqual({ created: '2024-05-01T10:00:00Z', creators: ['Tool: dhi-scanner-0.1.0'] });
    expect(doc.documentNamespace).toMatch(new RegExp(`^https://dhi\\.local/spdx/registry\\.example-library-${name}/build-42/[0-9a-f-]{36}$`));

    const [imagePackage, os, ...packages] = doc.packages;
    expect(imagePackage).toMatchObject({
      SPDXID: 'SPDXRef-Image', name: `registry.example/library/${name}`, versionInfo: '3', primaryPackagePurpose: 'CONTAINER',
      checksums: [{ algorithm: 'SHA256', checksumValue: image.manifestDigest.slice('sha256:'.length) }],
    });
    expect(os).toMatchObject({ name: 'alpine', versionInfo: result.os?.versionId, primaryPackagePurpose: 'OPERATING_SYSTEM' });
    expect(packages.map(purlOf).sort()).toEqual(result.packages.map((p) => p.purl).sort());
    expect(doc.relationships[0]).toEqual({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Image' });
    expect(doc.relationships.slice(1)).toEqual([os, ...packages].map((p) => ({ spdxElementId: 'SPDXRef-Image', relationshipType: 'CONTAINS', relatedSpdxElement: p.SPDXID })));

    const ssl = packages.find((p) => p.name === 'libssl1.1')!;
    expect(ssl).toMatchObject({ downloadLocation: 'NOASSERTION', licenseConcluded: 'NOASSERTION', primaryPackagePurpose: 'INSTALL' });
    expect(ssl.sourceInfo).toMatch(/^built from source package openssl /);
    expect(ssl.comment).toBe(`found by apk-installed at /lib/apk/db/installed; introduced in layer 0 (${image.layers[0].digest})`);
    expect(packages.find((p) => p.name === 'musl')?.licenseDeclared).toBe('MIT');
  });
});

describe('toSpdx on npm and Python packages', () => {
  const image: SbomImage = { name: 'registry.local/team/app', digest: DIGEST, platform: 'linux/arm64' };

  it('declares ids and expressions as written, free text as defined LicenseRefs, nothing as NOASSERTION', async () => {
    const doc = valid(await languageResult(), image);
    const declared = (purl: string): string | undefined => doc.packages.find((p) => purlOf(p) === purl)?.licenseDeclared;
    expect(doc.packages[0]).toMatchObject({ versionInfo: DIGEST, comment: `image manifest ${DIGEST} for linux/arm64` });
    expect(purlOf(doc.packages[0])).toBe(`pkg:oci/app@sha256%3A${'cd'.repeat(32)}?arch=arm64&repository_url=registry.local/team/app`);
    expect(declared('pkg:npm/lodash@4.17.21')).toBe('MIT');
    expect(declared('pkg:npm/%40scope/dual@1.0.0')).toBe('(MIT OR Apache-2.0)');
    expect(declared('pkg:npm/multi@2.0.0')).toBe('MIT AND Apache-2.0');
    expect(declared('pkg:npm/mixed@0.1.0')).toBe('(BSD-3-Clause OR MIT) AND Apache-2.0');
    expect(declared('pkg:pypi/typing-extensions@4.9.0')).toBe('PSF-2.0 OR MIT');
    expect(declared('pkg:pypi/nolicense@0.1')).toBe('NOASSERTION');
    const custom = declared('pkg:npm/custom@3.0.0');
    expect(custom).toMatch(/^LicenseRef-SEE-LICENSE-IN-LICENSE.md-[0-9a-f]{8}$/);
    expect(doc.hasExtractedLicensingInfos).toContainEqual(expect.objectContaining({ licenseId: custom, extractedText: 'SEE LICENSE IN LICENSE.md' }));
    expect(doc.packages.filter((p) => purlOf(p) === 'pkg:npm/lodash@4.17.20')).toHaveLength(1);
    expect(doc.packages.every((p) => p.primaryPackagePurpose !== 'INSTALL')).toBe(true);
  });

  it('defines LicenseRefs that normalisation produced, and gives each document its own namespace', () => {
    const result: CatalogResult = {
      os: null,
      packages: [{
        name: 'zoneinfo', version: '1.0', ecosystem: 'pypi', purl: 'pkg:pypi/zoneinfo@1.0', arch: null, source: null,
        licenses: ['LicenseRef-Public-Domain', 'MIT'], layerIndex: 0, layerDigest: DIGEST, locations: [], foundBy: 'python-metadata',
      }],
      removed: [],
      notes: [],
    };
    const first = valid(result, image);
    expect(first.packages[1].licenseDeclared).toBe('LicenseRef-Public-Domain AND MIT');
    expect(first.hasExtractedLicensingInfos).toEqual([{ licenseId: 'LicenseRef-Public-Domain', extractedText: 'Public-Domain', name: 'LicenseRef-Public-Domain' }]);
    expect(valid(result, image).documentNamespace).not.toBe(first.documentNamespace);
  });

  it('is checked by the official SPDX 2.3 schema and the value formats, which reject broken documents', async () => {
    const official = await officialSpdx23Schema();
    expect({ id: official.$id, title: official.title }).toEqual({ id: 'http://spdx.org/rdf/terms/2.3', title: 'SPDX 2.3' });
    const doc = toSpdx({ os: null, packages: [], removed: [], notes: [] }, image) as { packages: Record<string, unknown>[] };
    expect(checks.official(doc)).toEqual([]);
    const [imagePackage] = doc.packages;
    const withPackage = (changes: Record<string, unknown>): object => ({ ...doc, packages: [{ ...imagePackage, ...changes }] });
    expect(checks.official({ ...doc, unknownField: 1 })).not.toEqual([]);
    expect(checks.official(withPackage({ downloadLocation: undefined }))).not.toEqual([]);
    // the JSON spelling is the schema's: the specification's tag-value text writes OPERATING-SYSTEM
    expect(checks.official(withPackage({ primaryPackagePurpose: 'OPERATING-SYSTEM' }))).not.toEqual([]);
    expect(checks.official(withPackage({ primaryPackagePurpose: 'OPERATING_SYSTEM' }))).toEqual([]);
    expect(checks.valueFormats({ ...doc, spdxVersion: 'SPDX-2.2' })).not.toEqual([]);
    expect(checks.valueFormats(withPackage({ SPDXID: 'Image' }))).not.toEqual([]);
  });
});
