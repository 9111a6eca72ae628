import { Inject, Injectable } from '@nestjs/common';
import { toCycloneDx, toSpdx } from '@dhi/sbom';
import { DataSource } from 'typeorm';
import { SbomRecord } from '../sbom.entity.js';
import { ScanRecord } from '../scan.entity.js';
import { scanNotFound } from '../scan-not-found.error.js';
import { SCANNER_VERSION } from '../version.js';
import { type SbomFormat } from './sbom-format.request.js';

/** A rendered SBOM document and the media type it is served as. */
export interface SbomDocument {
  mediaType: string;
  document: object;
}

const MEDIA_TYPES: Record<SbomFormat, string> = {
  cyclonedx: 'application/vnd.cyclonedx+json; version=1.6',
  spdx: 'application/spdx+json',
};

@Injectable()
export class GetSbomService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The build's SBOM in the requested format, rendered from the catalog stored with its scan. */
  async sbom(buildId: string, format: SbomFormat): Promise<SbomDocument> {
    const [scan, sbom] = await Promise.all([
      this.dataSource.getRepository(ScanRecord).findOneBy({ buildId }),
      this.dataSource.getRepository(SbomRecord).findOneBy({ buildId }),
    ]);
    if (!scan || !sbom) throw scanNotFound(buildId);
    const image = { name: scan.name, tag: scan.tag, digest: scan.imageDigest };
    const result = { os: sbom.os, packages: sbom.packages, removed: sbom.removed, notes: sbom.notes };
    // the catalog's time, so the same build's document does not change its creation time between requests
    const options = { timestamp: sbom.createdAt, tool: { name: 'dhi-scanner', version: SCANNER_VERSION }, documentKey: buildId };
    const document = format === 'spdx' ? toSpdx(result, image, options) : toCycloneDx(result, image, options);
    return { mediaType: MEDIA_TYPES[format], document };
  }
}
