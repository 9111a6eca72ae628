import { Readable } from 'node:stream';
import { type BlobSource } from './blob-store.js';
import { readImageConfig } from './read-image-config.js';

const sourceOf = (body: string): BlobSource => ({ open: async () => Readable.from([Buffer.from(body)]) });
const digest = `sha256:${'a'.repeat(64)}`;

describe('readImageConfig', () => {
  it('parses a config, keeping fields the platform does not type (Healthcheck)', async () => {
    const config = { architecture: 'amd64', os: 'linux', config: { User: '65532', Healthcheck: { Test: ['CMD', '/ok'] } }, rootfs: { type: 'layers', diff_ids: [] } };
    const parsed = await readImageConfig(sourceOf(JSON.stringify(config)), digest);
    expect(parsed.config?.User).toBe('65532');
    expect((parsed.config as Record<string, unknown>)['Healthcheck']).toEqual({ Test: ['CMD', '/ok'] });
  });

  it('refuses a config over maxManifestBytes and one that is not a config', async () => {
    await expect(readImageConfig(sourceOf('x'.repeat(2048)), digest, { limits: { maxManifestBytes: 1024 } })).rejects.toMatchObject({ code: 'limit_exceeded' });
    await expect(readImageConfig(sourceOf('{"os":"linux"}'), digest)).rejects.toMatchObject({ code: 'invalid_manifest' });
  });
});
