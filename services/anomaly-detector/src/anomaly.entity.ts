import { type Anomaly } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An anomaly of one build; `id` is stable for the same deviation in the next build. */
@Entity({ name: 'anomalies' })
export class AnomalyRecord {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  severity!: Anomaly['severity'];

  @Column({ type: 'double precision' })
  confidence!: number;

  @Column({ type: 'boolean' })
  suppressed!: boolean;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  explanation!: string;

  @Column({ type: 'jsonb' })
  evidence!: Anomaly['evidence'];
}

/** The anomaly as the API and the events carry it. */
export function toAnomaly(record: AnomalyRecord): Anomaly {
  const { buildId: _buildId, ...anomaly } = record;
  return anomaly;
}

/** The row of an anomaly of a build. */
export function toAnomalyRecord(buildId: string, anomaly: Anomaly): AnomalyRecord {
  return Object.assign(new AnomalyRecord(), { buildId, ...anomaly });
}
