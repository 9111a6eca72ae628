import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { archiveTar, layerTar, type FixtureFile, type RawEntry } from './fixture-tar.js';

export interface FixtureImageSpec {
  layers: FixtureFile[][];
  config?: {
    User?: string;
    Env?: string[];
    Entrypoint?: string[];
    Cmd?: string[];
    ExposedPorts?: Record<string, object>;
    Labels?: Record<string, string>;
    WorkingDir?: string;
  };
  architecture?: string;
  os?: string;
  /** OCI: gzip layers (default true). */
  compressLayers?: boolean;
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;
const hex = (digest: string): string => digest.slice('sha256:'.length);
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

function configBlob(spec: FixtureImageSpec, diffIds: string[]): Buffer {
  return json({
    architecture: spec.architecture ?? 'amd64',
    os: spec.os ?? 'linux',
    created: '1970-01-01T00:00:00Z',
    config: spec.config ?? {},
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: diffIds.map((_, index) => ({ created: '1970-01-01T00:00:00Z', created_by: `fixture layer ${index}` })),
  });
}

function dockerEntries(layers: Buffer[], config: Buffer): RawEntry[] {
  const configName = `${hex(sha256(config))}.json`;
  const layerNames = layers.map((layer) => `${hex(sha256(layer))}/layer.tar`);
  return [
    ...layers.map((data, index) => ({ name: layerNames[index], data })),
    { name: configName, data: config },
    { name: 'manifest.json', data: json([{ Config: configName, RepoTags: ['fixture:latest'], Layers: layerNames }]) },
  ];
}

function ociEntries(spec: FixtureImageSpec, layers: Buffer[], config: Buffer): RawEntry[] {
  const compress = spec.compressLayers ?? true;
  const blobs = compress ? layers.map((layer) => gzipSync(layer)) : layers;
  const layerType = `application/vnd.oci.image.layer.v1.tar${compress ? '+gzip' : ''}`;
  const manifest = json({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
    layers: blobs.map((blob) => ({ mediaType: layerType, digest: sha256(blob), size: blob.length })),
  });
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: sha256(manifest),
        size: manifest.length,
        platform: { os: spec.os ?? 'linux', architecture: spec.architecture ?? 'amd64' },
        annotations: { 'org.opencontainers.image.ref.name': 'latest' },
      },
    ],
  };
  const unique = new Map([...blobs, config, manifest].map((blob) => [hex(sha256(blob)), blob]));
  return [
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: json(index) },
    ...[...unique].map(([name, data]) => ({ name: `blobs/sha256/${name}`, data })),
  ];
}

/** Builds a real image archive in memory (docker save layout or OCI image layout tar), digests all correct. */
export async function buildImageArchive(
  spec: FixtureImageSpec,
  format: 'docker-archive' | 'oci-archive',
  options?: { gzip?: boolean },
): Promise<Buffer> {
  const layers = await Promise.all(spec.layers.map((files) => layerTar(files)));
  const config = configBlob(spec, layers.map(sha256));
  const entries = format === 'docker-archive' ? dockerEntries(layers, config) : ociEntries(spec, layers, config);
  const archive = await archiveTar(entries);
  return options?.gzip ? gzipSync(archive) : archive;
}
