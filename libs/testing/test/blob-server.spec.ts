import { randomUUID } from 'node:crypto';
import { type ImportedImage, isImageError, readImageInventory } from '@dhi/image';
import { PoisonMessageError } from '@dhi/messaging';
import { readBuildInventory } from '@dhi/service-kit';
import { type BlobServer, buildCompletedEvent, sampleImageSpec, startBlobServer } from '../src/index.js';

describe('reading an image over the test blob server', () => {
  let blobs: BlobServer;
  let image: ImportedImage;

  beforeAll(async () => {
    blobs = await startBlobServer();
    image = await blobs.importImage(sampleImageSpec(`reader-${randomUUID()}`));
  });
  afterAll(() => blobs.close());

  const build = (mode: Parameters<BlobServer['baseUrl']>[0]) => buildCompletedEvent(image, blobs.baseUrl(mode)).data;

  it('reads every layer once, heartbeating before each', async () => {
    const calls: string[] = [];
    const heartbeat = async () => void calls.push(`heartbeat ${blobs.requests.length}`);
    const inventory = await readBuildInventory(build('good'), heartbeat);
    expect(inventory).toMatchObject({ layerCount: 3, fileCount: 7, os: { id: 'debian', versionId: '12' } });
    expect(calls).toEqual(['heartbeat 0', 'heartbeat 1', 'heartbeat 2']);
    expect(blobs.requests.slice(-3)).toEqual(image.layers.map((l) => `good ${l.digest}`));
  });

  it('stops at the first heartbeat that fails (the group is rebalancing), before reading on', async () => {
    const before = blobs.requests.length;
    const rebalancing = async () => {
      throw new Error('The group is rebalancing, so a rejoin is needed');
    };
    await expect(readBuildInventory(build('good'), rebalancing)).rejects.toThrow(/rebalancing/);
    expect(blobs.requests.length).toBe(before);
  });

  it('reports corrupted bytes as a poison message', async () => {
    const read = readBuildInventory(build('corrupt'), async () => undefined);
    await expect(read).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(read).rejects.toThrow(/\(digest_mismatch\): blob sha256:[0-9a-f]{64} is corrupt/);
  });

  it('answers 503 under the flaky URL as often as told, and 404 under the missing one', async () => {
    const noHeartbeat = { heartbeat: async () => undefined };
    blobs.failNext(1);
    await expect(readImageInventory(build('flaky'), noHeartbeat)).rejects.toThrow(/\/flaky\/sha256:[0-9a-f]{64} failed with HTTP 503$/);
    await expect(readImageInventory(build('flaky'), noHeartbeat)).resolves.toMatchObject({ layerCount: 3 });
    const missing = await readImageInventory(build('missing'), noHeartbeat).catch((error: unknown) => error);
    expect(isImageError(missing, 'missing_blob')).toBe(true);
  });
});
