import { type Note, type OsIdentity, type Package, type RemovedPackage } from '@dhi/sbom';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The catalog of a scanned build's image (one per scan): what the SBOM documents are rendered from on request. */
@Entity({ name: 'sboms' })
export class SbomRecord {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @Column({ type: 'jsonb', nullable: true })
  os!: OsIdentity | null;

  @Column({ type: 'jsonb' })
  packages!: Package[];

  @Column({ type: 'jsonb' })
  removed!: RemovedPackage[];

  @Column({ type: 'jsonb' })
  notes!: Note[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
