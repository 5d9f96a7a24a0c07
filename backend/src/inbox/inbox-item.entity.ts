import type { InboxCategory, InboxKind, InboxPriority, InboxStatus } from '@amtsplan/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { OrganizationOwned } from '../organizations/organization-owned';

/**
 * A comment, direct message or mention in the Posteingang. `channel_id`, `received_at` and
 * `category` are indexed together because the crisis monitor counts arrivals per channel and
 * category over time windows.
 */
@Entity({ name: 'inbox_items' })
@Check('CHK_inbox_items_kind', `kind IN ('comment', 'message', 'mention')`)
@Check('CHK_inbox_items_status', `status IN ('new', 'assigned', 'with_department', 'answered', 'closed_without_reply', 'hidden', 'escalated')`)
@Check('CHK_inbox_items_category', `category IS NULL OR category IN ('question', 'complaint', 'praise', 'suggestion', 'hate', 'spam', 'other')`)
@Check('CHK_inbox_items_priority', `priority IN ('low', 'normal', 'high')`)
@Index('UQ_inbox_items_channel_external', ['channelId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
// The list's order and cursor are (received_at, id); "offen" has a partial index (IndexInboxList).
@Index('IDX_inbox_items_channel_received', ['organizationId', 'channelId', 'receivedAt', 'id'])
@Index('IDX_inbox_items_category_received', ['organizationId', 'category', 'receivedAt', 'id'])
@Index('IDX_inbox_items_status_received', ['organizationId', 'status', 'receivedAt', 'id'])
@Index('IDX_inbox_items_received', ['organizationId', 'receivedAt', 'id'])
@Index('IDX_inbox_items_open_received', ['organizationId', 'receivedAt', 'id'], { where: `status IN ('new', 'assigned', 'with_department', 'escalated')` })
export class InboxItemEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: InboxKind;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId: string | null;

  @ManyToOne(() => ChannelEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  /** How it arrived: manual capture, CSV import or the Mastodon poll. */
  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ name: 'author_handle', type: 'text' })
  authorHandle: string;

  @Column({ name: 'author_display_name', type: 'text', nullable: true })
  authorDisplayName: string | null;

  @Column({ name: 'author_profile_url', type: 'text', nullable: true })
  authorProfileUrl: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  permalink: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  /** The Mastodon status id replies go to (in_reply_to_id). */
  @Column({ name: 'external_status_id', type: 'text', nullable: true })
  externalStatusId: string | null;

  @Column({ type: 'text', nullable: true })
  category: InboxCategory | null;

  @Column({ type: 'text', default: 'normal' })
  priority: InboxPriority;

  @Column({ type: 'text', default: 'new' })
  status: InboxStatus;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @Column({ type: 'text', nullable: true })
  department: string | null;

  /** The Fachbereich member who drafts the content answer while the item is with the department. */
  @Column({ name: 'department_user_id', type: 'uuid', nullable: true })
  departmentUserId: string | null;

  @Column({ name: 'response_due_at', type: 'timestamptz' })
  responseDueAt: Date;

  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /** Hiding/blocking: the netiquette rule applied and who decided. */
  @Column({ name: 'moderation_action', type: 'text', nullable: true })
  moderationAction: string | null;

  @Column({ name: 'netiquette_rule', type: 'text', nullable: true })
  netiquetteRule: string | null;

  @Column({ name: 'moderated_by_user_id', type: 'uuid', nullable: true })
  moderatedByUserId: string | null;

  @Column({ name: 'personal_data_removed_at', type: 'timestamptz', nullable: true })
  personalDataRemovedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
