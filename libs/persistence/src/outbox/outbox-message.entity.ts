import { type Envelope } from '@dhi/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An event waiting to be (or already) published by the outbox relay; `seq` is the publication order. */
@Entity('outbox')
export class OutboxMessage {
  // bigint comes back from pg as a string, which keeps values above 2^53 exact
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  /** The envelope id; text because the contract only promises a non-empty string. */
  @Column({ type: 'text', unique: true })
  id!: string;

  @Column({ type: 'text' })
  topic!: string;

  /** The Kafka message key: the envelope subject (the build id). */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  envelope!: Envelope;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
