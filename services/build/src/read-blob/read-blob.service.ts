import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { FileBlobStore, isDigest } from '@dhi/image';
import { AppError } from '@dhi/service-kit';

export interface OpenedBlob {
  digest: string;
  size: number;
  /** Fails with digest_mismatch at the end if the stored bytes were altered. */
  stream: Readable;
}

/** Opens stored image blobs for the analysis services. */
@Injectable()
export class ReadBlobService {
  constructor(@Inject(FileBlobStore) private readonly blobs: FileBlobStore) {}

  async open(digest: string): Promise<OpenedBlob> {
    const shown = digest.slice(0, 100);
    if (!isDigest(digest)) {
      throw new AppError('invalid_digest', 400, 'Invalid digest', 'a blob digest is sha256: followed by 64 lower-case hex digits', { digest: shown });
    }
    const size = await this.blobs.size(digest);
    if (size === null) throw new AppError('blob_not_found', 404, 'Blob not found', `No blob ${digest} is stored`, { digest });
    return { digest, size, stream: await this.blobs.open(digest) };
  }
}
