import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A trained model version; `published` ones are what scanner and anomaly-detector apply. */
@Entity({ name: 'models' })
export class Model {
  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'training_window', type: 'jsonb' })
  trainingWindow!: { from: string; to: string };

  @Column({ type: 'jsonb' })
  weights!: object;

  @Column({ type: 'jsonb' })
  metrics!: object;

  @Column({ type: 'boolean' })
  published!: boolean;
}
