import type { PublishAttemptOutcome } from '@amtsplan/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { PublicationEntity } from './publication.entity';

/**
 * Every try to publish (DESIGN.md PublishAttempt): written before anything is sent, finished
 * with the outcome afterwards. A record: the app may insert, and finish an open attempt once
 * (column grants and a restrictive policy), never change a finished one or delete.
 */
@Entity({ name: 'publish_attempts' })
@Index('UQ_publish_attempts_publication_attempt', ['publicationId', 'attemptNo'], { unique: true })
@Check('CHK_publish_attempts_outcome', `outcome IS NULL OR outcome IN ('published', 'failed_retryable', 'failed_permanent', 'unknown', 'manual_due')`)
export class PublishAttemptEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId: string;

  @ManyToOne(() => PublicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'publication_id' })
  publication?: PublicationEntity;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Column({ name: 'post_version', type: 'integer' })
  postVersion: number;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  /** The approved content hash that was sent. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'attempt_no', type: 'integer' })
  attemptNo: number;

  /** Sent to the platform (Mastodon: Idempotency-Key); the same for every attempt of a publication. */
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: PublishAttemptOutcome | null;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
