import { randomUUID } from 'node:crypto';
import { type ScanCompleted, TOPICS } from '@dhi/contracts';
import { type AnalyserUnderTest, buildCompletedEvent, startAnalyserUnderTest } from '@dhi/testing';
import request from 'supertest';
import { scannerService } from '../src/service.js';

// the dpkg status of libs/testing's sample image, with the purls the dpkg cataloger gives them on Debian 12
const PACKAGES = [
  { name: 'base-files', version: '12.4+deb12u5', purl: 'pkg:deb/debian/base-files@12.4%2Bdeb12u5?arch=amd64&distro=debian-12' },
  { name: 'libc6', version: '2.36-9+deb12u4', purl: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&upstream=glibc' },
  { name: 'libssl3', version: '3.0.11-1~deb12u2', purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl' },
];

interface CycloneDxComponent {
  type: string;
  name: string;
  version?: string;
  purl?: string;
}

interface SpdxPackage {
  name: string;
  versionInfo?: string;
  externalRefs?: { referenceType: string; referenceLocator: string }[];
}

describe('scanner SBOM of a scanned build, against real Kafka and PostgreSQL', () => {
  let scanner: AnalyserUnderTest;
  let buildId: string;
  const http = () => request(scanner.app.getHttpServer());

  beforeAll(async () => {
    scanner = await startAnalyserUnderTest({ definition: scannerService, topics: [TOPICS.scanCompleted] });
    const event = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('good'));
    buildId = event.data.buildId;
    await scanner.publisher.publish(TOPICS.buildCompleted, event);
  }, 150_000);

  afterAll(() => scanner?.stop(), 60_000);

  it('counts the packages of the image in scan.completed and stores their catalog with the scan', async () => {
    const completed = (await scanner.tap.first<ScanCompleted>(TOPICS.scanCompleted, buildId)).envelope;
    expect(completed.data.packageCount).toBe(PACKAGES.length);
    expect(await scanner.count('SELECT count(*) AS n FROM sboms WHERE build_id = $1', [buildId])).toBe(1);
    expect(await scanner.count('SELECT jsonb_array_length(packages) AS n FROM sboms WHERE build_id = $1', [buildId])).toBe(PACKAGES.length);
  });

  it('serves CycloneDX by default, listing every package with its purl and the image as subject', async () => {
    await scanner.tap.first(TOPICS.scanCompleted, buildId);
    const response = await http().get(`/v1/builds/${buildId}/sbom`).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/vnd\.cyclonedx\+json/);
    const bom = JSON.parse(response.text) as { bomFormat: string; specVersion: string; metadata: { component: CycloneDxComponent }; components: CycloneDxComponent[] };
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.metadata.component).toMatchObject({ type: 'container', name: 'dhi/sample', version: '1.0.0' });
    expect(bom.metadata.component.purl).toContain(encodeURIComponent(scanner.image.manifestDigest));
    const libraries = bom.components.filter((c) => c.type === 'library').map(({ name, version, purl }) => ({ name, version, purl }));
    expect(libraries).toEqual(expect.arrayContaining(PACKAGES));
    expect(libraries).toHaveLength(PACKAGES.length);

    const explicit = await http().get(`/v1/builds/${buildId}/sbom?format=cyclonedx`).expect(200);
    expect((JSON.parse(explicit.text) as { components: unknown[] }).components).toEqual(bom.components);
  });

  it('serves SPDX 2.3 with the same packages and purls', async () => {
    await scanner.tap.first(TOPICS.scanCompleted, buildId);
    const response = await http().get(`/v1/builds/${buildId}/sbom?format=spdx`).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/spdx\+json/);
    const doc = JSON.parse(response.text) as { spdxVersion: string; packages: SpdxPackage[] };
    expect(doc.spdxVersion).toBe('SPDX-2.3');
    const purls = doc.packages.flatMap((p) => (p.externalRefs ?? []).filter((r) => r.referenceType === 'purl').map((r) => r.referenceLocator));
    expect(purls).toEqual(expect.arrayContaining(PACKAGES.map((p) => p.purl)));
    for (const pkg of PACKAGES) expect(doc.packages).toContainEqual(expect.objectContaining({ name: pkg.name, versionInfo: pkg.version }));
  });

  it('answers an unscanned build with 404 and a bad format or id with 400, as problem JSON', async () => {
    const unknown = randomUUID();
    const missing = await http().get(`/v1/builds/${unknown}/sbom`).expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ type: 'urn:dhi:problem:scan_not_found', status: 404, buildId: unknown });

    const format = await http().get(`/v1/builds/${buildId}/sbom?format=xml`).expect(400);
    expect(format.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(format.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed', status: 400 });
    await http().get('/v1/builds/not-a-uuid/sbom').expect(400);

    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toContain('/v1/builds/{id}/sbom');
  });
});
