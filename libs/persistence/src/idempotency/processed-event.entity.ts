import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A consumed event whose effects are committed; its presence makes a redelivery a no-op. */
@Entity('processed_events')
export class ProcessedEvent {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
