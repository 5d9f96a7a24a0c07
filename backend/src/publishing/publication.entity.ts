import type { PublicationAdapter } from '@amtsplan/contracts';
import type { PublicationStatus } from '@amtsplan/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ApprovalRequestEntity } from '../approvals/approval-request.entity';
import { ChannelEntity } from '../channels/channel.entity';
import { OrganizationOwned } from '../organizations/organization-owned';
import { PostEntity } from '../posts/post.entity';

/**
 * The publication of one post on one channel for one approval (publicationMachine in
 * libs/domain). Unique per approval request and channel: an approved version goes out at
 * most once per channel (DESIGN.md invariant 2).
 */
@Entity({ name: 'publications' })
@Index('UQ_publications_request_channel', ['approvalRequestId', 'channelId'], { unique: true })
@Index('IDX_publications_post', ['postId'])
@Index('IDX_publications_pending', ['nextAttemptAt'], { where: "status = 'pending'" })
@Index('IDX_publications_publishing', ['updatedAt'], { where: "status = 'publishing'" })
@Check('CHK_publications_status', `status IN ('pending', 'publishing', 'published', 'failed', 'unconfirmed', 'missed', 'manual_due')`)
@Check('CHK_publications_adapter', `adapter IN ('mastodon', 'manual')`)
export class PublicationEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  /** The approval whose canonical content is published. */
  @Column({ name: 'approval_request_id', type: 'uuid' })
  approvalRequestId: string;

  @ManyToOne(() => ApprovalRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'approval_request_id' })
  approvalRequest?: ApprovalRequestEntity;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  /** The post's version when the publisher claimed it. */
  @Column({ name: 'post_version', type: 'integer' })
  postVersion: number;

  @Column({ type: 'text' })
  adapter: PublicationAdapter;

  @Column({ type: 'text' })
  status: PublicationStatus;

  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount: number;

  /** While pending: not before this time (after a retryable error); null = as soon as possible. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The person who confirmed it or gave it up. */
  @Column({ name: 'settled_by_user_id', type: 'uuid', nullable: true })
  settledByUserId: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
