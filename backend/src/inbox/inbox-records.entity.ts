import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { InboxItemEntity } from './inbox-item.entity';

/** An internal note on an item; never shown to the commenter. */
@Entity({ name: 'inbox_notes' })
@Index('IDX_inbox_notes_item', ['itemId', 'createdAt'])
export class InboxNoteEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => InboxItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: InboxItemEntity;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Every change of an item, append-only (the app role may not update or delete rows). */
@Entity({ name: 'inbox_history' })
@Index('IDX_inbox_history_item', ['itemId', 'at'])
export class InboxHistoryEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => InboxItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: InboxItemEntity;

  /** Null for the system (routing on arrival, retention). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

/** `draft`: a department's; the approval states belong to a reply on a sensitive category (decision 0020). */
export type InboxReplyState = 'draft' | 'sent' | 'in_approval' | 'approved' | 'changes_requested' | 'rejected' | 'withdrawn';

/**
 * A reply: a department's draft, a sent answer (through Mastodon or copied by hand), or a reply
 * on a sensitive category waiting for, or granted, its Freigabe (`content_hash` is what the
 * approval request is bound to). `text_block_version_id` names the approved text block version
 * it started from, if any.
 */
@Entity({ name: 'inbox_replies' })
@Check('CHK_inbox_replies_state', `state IN ('draft', 'sent', 'in_approval', 'approved', 'changes_requested', 'rejected', 'withdrawn')`)
@Check('CHK_inbox_replies_delivery', `delivery IS NULL OR delivery IN ('mastodon', 'copied')`)
@Index('IDX_inbox_replies_item', ['itemId', 'createdAt'])
@Index('IDX_inbox_replies_sent', ['organizationId', 'sentAt'])
export class InboxReplyEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => InboxItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: InboxItemEntity;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  state: InboxReplyState;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash: string | null;

  @Column({ type: 'text', nullable: true })
  delivery: 'mastodon' | 'copied' | null;

  @Column({ name: 'text_block_version_id', type: 'uuid', nullable: true })
  textBlockVersionId: string | null;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A routing rule (see evaluateRoutingRules in libs/domain). */
@Entity({ name: 'inbox_routing_rules' })
@Check('CHK_inbox_routing_rules_match', `(match_kind = 'keyword' AND keyword IS NOT NULL) OR (match_kind = 'channel' AND channel_id IS NOT NULL)`)
@Index('IDX_inbox_routing_rules_organization', ['organizationId', 'position'])
export class InboxRoutingRuleEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'match_kind', type: 'text' })
  matchKind: 'keyword' | 'channel';

  @Column({ type: 'text', nullable: true })
  keyword: string | null;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId: string | null;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Column({ type: 'text', nullable: true })
  priority: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/**
 * Secured evidence of a hate comment. Locked by a trigger: no column may change except
 * `legal_hold`, and a row under legal hold cannot be deleted.
 */
@Entity({ name: 'inbox_evidence' })
@Index('IDX_inbox_evidence_item', ['itemId'])
export class InboxEvidenceEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => InboxItemEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'item_id' })
  item?: InboxItemEntity;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'author_handle', type: 'text' })
  authorHandle: string;

  @Column({ name: 'author_display_name', type: 'text', nullable: true })
  authorDisplayName: string | null;

  @Column({ name: 'author_profile_url', type: 'text', nullable: true })
  authorProfileUrl: string | null;

  @Column({ type: 'text', nullable: true })
  permalink: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ type: 'text', default: '' })
  context: string;

  /** The day the organization learned of the act and the author: the Strafantrag deadline counts from it. */
  @Column({ name: 'knowledge_date', type: 'date' })
  knowledgeDate: string;

  @Column({ name: 'screenshot', type: 'bytea', nullable: true, select: false })
  screenshot: Buffer | null;

  @Column({ name: 'screenshot_type', type: 'text', nullable: true })
  screenshotType: string | null;

  @Column({ name: 'screenshot_sha256', type: 'text', nullable: true })
  screenshotSha256: string | null;

  @Column({ name: 'content_sha256', type: 'text' })
  contentSha256: string;

  @Column({ name: 'legal_hold', type: 'boolean', default: true })
  legalHold: boolean;

  @Column({ name: 'secured_by_user_id', type: 'uuid' })
  securedByUserId: string;

  @CreateDateColumn({ name: 'secured_at', type: 'timestamptz' })
  securedAt: Date;
}

/** Office hours, response target and retention of the Posteingang: one row per organization. */
@Entity({ name: 'inbox_settings' })
@Index('UQ_inbox_settings_organization', ['organizationId'], { unique: true })
export class InboxSettingsEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_weekdays', type: 'integer', array: true, default: () => "'{1,2,3,4,5}'" })
  officeWeekdays: number[];

  @Column({ name: 'office_start', type: 'text', default: '08:00' })
  officeStart: string;

  @Column({ name: 'office_end', type: 'text', default: '16:00' })
  officeEnd: string;

  @Column({ name: 'response_target_hours', type: 'integer', default: 24 })
  responseTargetHours: number;

  @Column({ name: 'retention_days', type: 'integer', default: 180 })
  retentionDays: number;

  /** The Fachbereiche items can be forwarded to. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  departments: string[];

  /** Replies on items of these categories go through the Freigabe first (decision 0020). */
  @Column({ name: 'sensitive_categories', type: 'text', array: true, default: () => "'{}'" })
  sensitiveCategories: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
