import { type ModelPublished } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A model version published by the feedback-trainer; the newest one is applied to the next analyses. */
@Entity({ name: 'models' })
export class ModelRecord {
  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'jsonb' })
  payload!: ModelPublished;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
