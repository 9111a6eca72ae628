import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { FileBlobStore, isImageError, isOciRefName, planOciArchive, writeOciArchive, type OciArchivePlan } from '@dhi/image';
import { AppError } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { buildNotFound } from '../domain/build-id.js';
import { Build } from '../domain/build.entity.js';

/** An export checked against the store, ready to stream. */
export interface ImageExport {
  buildId: string;
  manifestDigest: string;
  filename: string;
  size: number;
  open(): Readable;
}

const fileSafe = (value: string): string => value.replace(/[^A-Za-z0-9._-]+/g, '_');

/** Hands out a build's stored image as an OCI archive (what `skopeo`, `buildah pull oci-archive:` and the importer read). */
@Injectable()
export class ExportImageService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(FileBlobStore) private readonly blobs: FileBlobStore,
  ) {}

  async prepare(id: string): Promise<ImageExport> {
    const build = await this.dataSource.manager.findOneBy(Build, { id });
    if (!build) throw buildNotFound(id);
    if (!build.imageDigest) {
      throw new AppError('image_not_stored', 404, 'Image not stored', `Build ${id} has no stored image (status ${build.status})`, { buildId: id, status: build.status });
    }
    const refName = `${build.name}:${build.tag}`;
    const plan = await this.plan(id, build.imageDigest, isOciRefName(refName) ? refName : undefined);
    return {
      buildId: id,
      manifestDigest: build.imageDigest,
      filename: `${fileSafe(build.name)}_${fileSafe(build.tag)}.oci.tar`,
      size: plan.archiveSize,
      open: () => writeOciArchive(this.blobs, plan),
    };
  }

  private async plan(id: string, manifestDigest: string, refName: string | undefined): Promise<OciArchivePlan> {
    try {
      return await planOciArchive(this.blobs, { manifestDigest, refName });
    } catch (error) {
      // the build row says the image is stored, so a missing or altered blob is the platform's fault, not the caller's
      if (isImageError(error)) {
        throw new AppError('image_damaged', 500, 'Stored image damaged', `The stored image of build ${id} cannot be exported: ${error.message}`, { buildId: id, imageCode: error.code });
      }
      throw error;
    }
  }
}
