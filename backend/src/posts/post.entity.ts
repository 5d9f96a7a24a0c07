import type { PostStatus } from '@amtsplan/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PostFindingView } from '@amtsplan/contracts';
import { OrganizationOwned } from '../organizations/organization-owned';
import { SeriesEntity } from '../series/series.entity';
import { TopicEntity } from '../topics/topic.entity';

/** A Beitrag: common text, per-channel variants, planning and workflow status. */
@Entity({ name: 'posts' })
@Index('IDX_posts_organization_planned', ['organizationId', 'plannedAt'])
@Index('IDX_posts_organization_day', ['organizationId', 'plannedDate'])
@Check('CHK_posts_planning', `planned_at IS NULL OR planned_date IS NULL`)
// A series slot is filled at most once; a second fill answers 409.
@Index('UQ_posts_series_slot', ['seriesId', 'seriesSlotAt'], { unique: true, where: 'series_slot_at IS NOT NULL' })
// The publisher's sweep: scheduled posts it has not taken yet, by time.
@Index('IDX_posts_publish_due', ['plannedAt'], { where: "status = 'scheduled' AND publish_claimed_at IS NULL" })
export class PostEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'working_title', type: 'text' })
  workingTitle: string;

  @Column({ type: 'text', default: '' })
  text: string;

  @Column({ type: 'text' })
  status: PostStatus;

  /** Exact publishing time; null when planned by day or not planned (Themenspeicher). */
  @Column({ name: 'planned_at', type: 'timestamptz', nullable: true })
  plannedAt: Date | null;

  /** Planned for a day without a time. */
  @Column({ name: 'planned_date', type: 'date', nullable: true })
  plannedDate: string | null;

  /** The organization's zone when the post was planned, for display and recurrence. */
  /**
   * Kommunikationsstopp lifted with „Jetzt veröffentlichen“: a person let this paused post go out
   * late, so the publisher counts lateness from here rather than from the planned time.
   */
  @Column({ name: 'publish_released_at', type: 'timestamptz', nullable: true })
  publishReleasedAt: Date | null;

  /** Kommunikationsstopp lifted with „Pausiert lassen“: taken out of the schedule (approval kept). */
  @Column({ name: 'publish_paused_at', type: 'timestamptz', nullable: true })
  publishPausedAt: Date | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'topic_id', type: 'uuid', nullable: true })
  topicId: string | null;

  @ManyToOne(() => TopicEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'topic_id' })
  topic?: TopicEntity | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'responsible_user_id', type: 'uuid', nullable: true })
  responsibleUserId: string | null;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'jsonb', default: [] })
  checklist: Array<{ label: string; done: boolean }>;

  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  @ManyToOne(() => SeriesEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id' })
  series?: SeriesEntity | null;

  /** The series occurrence this post fills; kept when the post is moved, so the slot stays filled. */
  @Column({ name: 'series_slot_at', type: 'timestamptz', nullable: true })
  seriesSlotAt: Date | null;

  /** Quality and accessibility findings of the last saved content (checkPost). */
  @Column({ type: 'jsonb', default: [] })
  findings: PostFindingView[];

  /**
   * Set once by the publisher's claim (one conditional UPDATE, see publishing/publish-claim.ts):
   * when, by which worker, and the approved request and content hash it publishes. Never
   * cleared; a post is claimed at most once for one approval.
   */
  @Column({ name: 'publish_claimed_at', type: 'timestamptz', nullable: true })
  publishClaimedAt: Date | null;

  @Column({ name: 'publish_claimed_by', type: 'text', nullable: true })
  publishClaimedBy: string | null;

  @Column({ name: 'publish_request_id', type: 'uuid', nullable: true })
  publishRequestId: string | null;

  @Column({ name: 'publish_claimed_hash', type: 'text', nullable: true })
  publishClaimedHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
