import { NOTIFICATION_KINDS, type NotificationKind } from '@amtsplan/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { UserEntity } from '../users/user.entity';

/**
 * Where the e-mail of a notification stands: `none` (not wanted when it was written), `due`
 * (a mail job is on its way), `sent`, or `skipped` (switched off or read in the app before the
 * mail went out).
 */
export type NotificationEmailStatus = 'none' | 'due' | 'sent' | 'skipped';

/**
 * One in-app notification for one person (the bell), written inside the transaction of what it
 * reports. Only its recipient reads it, and only while a member of its organization
 * (row-level security, migration CreateNotifications).
 */
@Entity({ name: 'notifications' })
@Index('IDX_notifications_recipient_created', ['recipientUserId', 'createdAt', 'id'])
@Index('IDX_notifications_recipient_unread', ['recipientUserId'], { where: 'read_at IS NULL' })
@Index('UQ_notifications_recipient_dedupe_key', ['recipientUserId', 'dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
@Index('IDX_notifications_email_due', ['createdAt'], { where: `email_status = 'due'` })
@Check('CHK_notifications_kind', `kind IN (${NOTIFICATION_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
@Check('CHK_notifications_email_status', `email_status IN ('none', 'due', 'sent', 'skipped')`)
export class NotificationEntity extends OrganizationOwned {
  /** Chosen by the Notifier, which may not read back rows written for other people. */
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  recipientUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipient?: UserEntity;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** A path inside the app; the e-mail puts APP_ORIGIN in front. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** Set by callers whose work may run twice (queue jobs): the same key reaches a person once. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'email_status', type: 'text' })
  emailStatus: NotificationEmailStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
