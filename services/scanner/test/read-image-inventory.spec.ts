import { randomUUID } from 'node:crypto';
import { type ImportedImage } from '@dhi/image';
import { PoisonMessageError } from '@dhi/messaging';
import { sampleImageSpec } from '@dhi/testing';
import { readImageInventory } from '../src/image/read-image-inventory.js';
import { type BlobServer, startBlobServer } from './support/blob-server.js';
import { buildCompletedEvent } from './support/build-events.js';

describe('readImageInventory over a real HTTP blob API', () => {
  let blobs: BlobServer;
  let image: ImportedImage;

  beforeAll(async () => {
    blobs = await startBlobServer();
    image = await blobs.importImage(sampleImageSpec(`reader-${randomUUID()}`));
  });
  afterAll(() => blobs.close());

  it('reads every layer once, heartbeating before each', async () => {
    const calls: string[] = [];
    const heartbeat = async () => void calls.push(`heartbeat ${blobs.requests.length}`);
    const inventory = await readImageInventory(buildCompletedEvent(image, blobs.baseUrl('good')).data, heartbeat);
    expect(inventory).toMatchObject({ layerCount: 3, fileCount: 7, os: { id: 'debian', versionId: '12' } });
    expect(calls).toEqual(['heartbeat 0', 'heartbeat 1', 'heartbeat 2']);
  });

  it('stops at the first heartbeat that fails (the group is rebalancing), before reading on', async () => {
    const before = blobs.requests.length;
    const rebalancing = async () => {
      throw new Error('The group is rebalancing, so a rejoin is needed');
    };
    await expect(readImageInventory(buildCompletedEvent(image, blobs.baseUrl('good')).data, rebalancing)).rejects.toThrow(/rebalancing/);
    expect(blobs.requests.length).toBe(before);
  });

  it('reports corrupted bytes as a poison message', async () => {
    const read = readImageInventory(buildCompletedEvent(image, blobs.baseUrl('corrupt')).data, async () => undefined);
    await expect(read).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(read).rejects.toThrow(/\(digest_mismatch\): blob sha256:[0-9a-f]{64} is corrupt/);
  });
});
