import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { Inject, Injectable, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import { FileBlobStore } from '@dhi/image';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { BUILD_SETTINGS, type BuildSettings } from './config.js';

// an import older than this is not running any more: its process crashed, and its staging area is garbage
const STALE_STAGING_MS = 6 * 60 * 60 * 1000;

/** The service's blob store, from BLOB_STORE_DIR. */
export const blobStoreProvider: Provider = {
  provide: FileBlobStore,
  useFactory: (settings: BuildSettings) => new FileBlobStore(settings.blobStoreDir),
  inject: [BUILD_SETTINGS],
};

/** Refuses to start without a writable blob store, and clears staging areas that crashed imports left behind. */
@Injectable()
export class BlobStoreCheck implements OnApplicationBootstrap {
  constructor(
    @Inject(FileBlobStore) private readonly blobs: FileBlobStore,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await mkdir(this.blobs.rootDir, { recursive: true });
    await access(this.blobs.rootDir, constants.W_OK);
    const removed = await this.blobs.removeStaleStaging(STALE_STAGING_MS);
    this.logger.info({ blobStoreDir: this.blobs.rootDir, staleStagingRemoved: removed }, 'blob store ready');
  }
}
