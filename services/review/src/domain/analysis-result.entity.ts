import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AnalysisKind = 'scan' | 'anomaly';

/** The latest scan.completed or anomaly.completed payload of a build; a case opens once both are in. */
@Entity({ name: 'analysis_results' })
export class AnalysisResult {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: AnalysisKind;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
