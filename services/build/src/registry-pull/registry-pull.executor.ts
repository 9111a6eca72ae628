import { Inject, Injectable, type Provider } from '@nestjs/common';
import { FileBlobStore, type ImportedImage, isImageError, isRegistryError, pullImage, type ImageErrorCode } from '@dhi/image';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { type BuildExecution, type BuildExecutor, BuildFailure, type BuildFailureStage } from '../run-build/build-executor.js';
import { REGISTRY_PULL_SETTINGS, registryPullSettings, type RegistryPullConfig, type RegistryPullSettings } from './registry-pull.config.js';

// failures of what the registry served, found while verifying and storing it; the rest are failures to get it at all
const STORE_FAILURES: ReadonlySet<ImageErrorCode> = new Set(['digest_mismatch', 'missing_blob', 'limit_exceeded', 'truncated', 'invalid_manifest', 'unsupported']);
const EXCERPT_LINES = 12;

/** Pulls a `registry` source through the OCI Distribution API into the blob store, step by step in the build log. */
@Injectable()
export class RegistryPullExecutor implements BuildExecutor {
  readonly kind = 'registry' as const;

  constructor(
    @Inject(FileBlobStore) private readonly blobs: FileBlobStore,
    @Inject(BUILD_SETTINGS) private readonly build: BuildSettings,
    @Inject(REGISTRY_PULL_SETTINGS) private readonly settings: RegistryPullSettings,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async execute(execution: BuildExecution): Promise<ImportedImage> {
    const { source } = execution;
    if (source.kind !== 'registry') throw new Error(`the registry executor got a ${source.kind} source`);
    const lines: string[] = [];
    const progress = async (line: string): Promise<void> => {
      lines.push(line);
      await execution.log(line);
      await execution.heartbeat();
    };
    try {
      const image = await pullImage(source.reference, this.blobs, {
        credentials: this.settings.credentials,
        transport: { insecure: this.settings.insecure, requestTimeoutMs: this.settings.timeoutMs, idleTimeoutMs: this.settings.timeoutMs },
        limits: this.build.imageLimits,
        signal: execution.signal,
        progress,
      });
      this.logger.info({ buildId: execution.buildId, imageDigest: image.manifestDigest, reference: image.pulledReference }, 'image pulled');
      return image;
    } catch (error) {
      // a timeout or shutdown is the worker's to report, with its own reason
      if (execution.signal.aborted) throw error;
      if (!isRegistryError(error) && !isImageError(error)) throw error;
      const stage: BuildFailureStage = isImageError(error) && STORE_FAILURES.has(error.code) ? 'store' : 'build';
      const reason = `pulling ${source.reference} failed: ${error.message}`;
      await execution.log(reason, 'error');
      this.logger.info({ buildId: execution.buildId, code: error.code, stage }, 'registry pull failed');
      throw new BuildFailure({ stage, reason, excerpt: [...lines.slice(-EXCERPT_LINES), reason].join('\n') });
    }
  }
}

/** The executor and its settings, for AppModule; a config without the registry variables gets their defaults. */
export function registryPullProviders(config: object): Provider[] {
  const registryConfig: Partial<RegistryPullConfig> = config;
  return [{ provide: REGISTRY_PULL_SETTINGS, useValue: registryPullSettings(registryConfig) }, RegistryPullExecutor];
}
