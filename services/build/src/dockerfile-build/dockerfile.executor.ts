import { createReadStream } from 'node:fs';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { exportOciArchive, FileBlobStore, type ImportedImage, importImageArchive } from '@dhi/image';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { isContextError } from '../build-context/context-error.js';
import { extractContext } from '../build-context/extract-context.js';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { type BuildExecution, type BuildExecutor, BuildFailure, BuildTimeout } from '../run-build/build-executor.js';
import { type BasePlan, planBaseImages } from './base-images.js';
import { BuildahSteps } from './buildah-steps.js';
import { BuilderMissing, runBuildah } from './buildah-process.js';
import { BuilderWorkspace } from './builder-workspace.js';
import { externalImages } from './dockerfile-images.js';

type DockerfileSource = Extract<BuildExecution['source'], { kind: 'dockerfile' }>;

/**
 * Builds a Dockerfile context with buildah, daemonless (chroot isolation, vfs storage private to the build, docker
 * format so HEALTHCHECK survives, timestamps zeroed), then stores the result through the same import as an upload.
 */
@Injectable()
export class DockerfileExecutor implements BuildExecutor, OnApplicationBootstrap {
  readonly kind = 'dockerfile' as const;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(FileBlobStore) private readonly blobs: FileBlobStore,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const removed = await BuilderWorkspace.removeStale(this.settings.builder.workDir);
    this.logger.info({ workDir: this.settings.builder.workDir, staleWorkspacesRemoved: removed }, 'builder work dir ready');
  }

  async execute(execution: BuildExecution): Promise<ImportedImage> {
    const { source } = execution;
    if (source.kind !== 'dockerfile') throw new Error(`the Dockerfile executor got a ${source.kind} source`);
    // decided before anything is extracted or run: an unknown base fails the build without touching buildah
    const plans = await planBaseImages(this.dataSource.manager, externalImages(source.dockerfile, source.buildArgs), this.settings.builder.registry);
    const workspace = await BuilderWorkspace.create(this.settings.builder.workDir, execution.buildId);
    try {
      await this.extract(execution, source, workspace);
      for (const plan of plans) await this.loadBase(execution, workspace, plan);
      const tag = `localhost/dhi-build-${execution.buildId}:latest`;
      await this.bud(execution, source, workspace, tag);
      const archive = path.join(workspace.out, 'image.tar');
      await this.buildah(execution, workspace, ['push', '--format', 'docker', tag, `oci-archive:${archive}`], 'exporting the built image');
      await execution.log('verifying and storing the built image');
      return await importImageArchive(createReadStream(archive), this.blobs, { limits: this.settings.imageLimits });
    } catch (error) {
      throw this.explain(error, execution);
    } finally {
      await workspace.remove().catch((error: unknown) => this.logger.error({ buildId: execution.buildId, dir: workspace.dir, err: error }, 'builder workspace not removed'));
    }
  }

  private async extract(execution: BuildExecution, source: DockerfileSource, workspace: BuilderWorkspace): Promise<void> {
    await execution.log(`extracting the build context ${source.contextDigest} (${source.contextSize} bytes)`);
    try {
      const summary = await extractContext(await this.blobs.open(source.contextDigest), workspace.context, this.settings.context);
      await execution.log(`extracted ${summary.entries} entries`);
    } catch (error) {
      if (isContextError(error)) throw new BuildFailure({ stage: 'build', reason: `the build context was refused: ${error.message}` });
      throw error;
    }
  }

  private async loadBase(execution: BuildExecution, workspace: BuilderWorkspace, plan: BasePlan): Promise<void> {
    if (plan.kind === 'registry') {
      const tls = this.settings.builder.registry?.insecure ? ['--tls-verify=false'] : [];
      await this.buildah(execution, workspace, ['pull', ...tls, `docker://${plan.reference}`], `pulling ${plan.reference} from the configured registry`);
      return;
    }
    await execution.log(`${plan.use.instruction}: using build ${plan.buildId} (${plan.manifestDigest})`);
    const archive = path.join(workspace.bases, `${plan.manifestDigest.slice('sha256:'.length)}.tar`);
    await pipeline(exportOciArchive(this.blobs, { manifestDigest: plan.manifestDigest }), createWriteStream(archive, { mode: 0o600 }), { signal: execution.signal });
    const ids: string[] = [];
    await this.buildah(execution, workspace, ['pull', '--quiet', `oci-archive:${archive}`], `loading ${plan.use.reference}`, (line) => ids.push(line.trim()));
    const id = ids.filter((line) => /^[a-f0-9]{64}$/.test(line)).pop();
    if (!id) throw new Error(`buildah pull of ${archive} printed no image id`);
    if (plan.tagAs) await this.buildah(execution, workspace, ['tag', id, plan.tagAs], `tagging it as ${plan.tagAs}`);
  }

  private async bud(execution: BuildExecution, source: DockerfileSource, workspace: BuilderWorkspace, tag: string): Promise<void> {
    const buildArgs = Object.entries(source.buildArgs).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]);
    const args = [
      'bud', '--isolation', 'chroot', '--layers', '--format', 'docker', '--timestamp', '0', '--pull=never',
      '-f', path.join(workspace.context, source.dockerfilePath), ...buildArgs, '-t', tag, workspace.context,
    ];
    await execution.log(`buildah bud ${source.dockerfilePath}${buildArgs.length ? ` with ${buildArgs.length / 2} build arguments` : ''}`);
    await this.buildah(execution, workspace, args, null);
  }

  /** Runs one buildah command, every output line into the build log; a failure becomes a BuildFailure naming the step. */
  private async buildah(execution: BuildExecution, workspace: BuilderWorkspace, args: string[], what: string | null, onLine?: (line: string) => void): Promise<void> {
    if (what) await execution.log(what);
    const steps = new BuildahSteps();
    const exit = await runBuildah({
      command: this.settings.builder.buildahPath,
      args: [...workspace.storageArgs(), ...args],
      env: workspace.env(),
      cwd: workspace.dir,
      signal: execution.signal,
      onLine: (line) => {
        steps.observe(line);
        onLine?.(line);
        void execution.log(line).catch(() => undefined);
      },
    });
    if (execution.signal.aborted) throw this.aborted(execution, steps);
    if (exit.code !== 0) throw new BuildFailure({ stage: 'build', reason: what ? `${what} failed: ${steps.error ?? `exit code ${exit.code}`}` : steps.failureReason(exit.code) });
  }

  private aborted(execution: BuildExecution, steps: BuildahSteps): unknown {
    const reason: unknown = execution.signal.reason;
    if (!(reason instanceof BuildTimeout)) return reason;
    return new BuildFailure({ stage: 'build', reason: `${reason.message}${steps.step ? ` during ${steps.step}` : ''}; the builder was stopped` });
  }

  private explain(error: unknown, execution: BuildExecution): unknown {
    if (error instanceof BuilderMissing) return new BuildFailure({ stage: 'build', reason: error.message });
    if (execution.signal.aborted && !(error instanceof BuildFailure)) {
      const reason: unknown = execution.signal.reason;
      return reason instanceof BuildTimeout ? new BuildFailure({ stage: 'build', reason: `${reason.message}; the builder was stopped` }) : reason;
    }
    return error;
  }
}
