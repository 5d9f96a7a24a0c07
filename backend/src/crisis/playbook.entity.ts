import type { PlaybookContent, PlaybookVersionStatus } from '@amtsplan/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/** A crisis playbook of an organization; its content lives in versions (PlaybookVersionEntity). */
@Entity({ name: 'playbooks' })
@Index('IDX_playbooks_organization', ['organizationId'])
export class PlaybookEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The template it was copied from (playbook-templates.ts), null when written from scratch. */
  @Column({ name: 'template_key', type: 'text', nullable: true })
  templateKey: string | null;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ name: 'last_reviewed_on', type: 'date', nullable: true })
  lastReviewedOn: string | null;

  @Column({ name: 'next_review_on', type: 'date', nullable: true })
  nextReviewOn: string | null;

  /** The date a review reminder was sent for (one reminder per due date). */
  @Column({ name: 'review_reminded_for', type: 'date', nullable: true })
  reviewRemindedFor: string | null;

  @Column({ name: 'current_version_id', type: 'uuid', nullable: true })
  currentVersionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** One version of a playbook's content with its hash and sign-off status. A signed version is never changed. */
@Entity({ name: 'playbook_versions' })
@Index('UQ_playbook_versions_number', ['playbookId', 'number'], { unique: true })
@Check('CHK_playbook_versions_status', `status IN ('draft', 'in_approval', 'approved')`)
export class PlaybookVersionEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'playbook_id', type: 'uuid' })
  playbookId: string;

  @ManyToOne(() => PlaybookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'playbook_id' })
  playbook?: PlaybookEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  content: PlaybookContent;

  /** SHA-256 of canonicalPlaybookContent: what an approval is bound to. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ type: 'text' })
  status: PlaybookVersionStatus;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  /** Everyone who wrote this version's content (four-eyes: none of them may approve it). */
  @Column({ name: 'editor_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  editorUserIds: string[];

  /** Whether the version was ever submitted: a submitted version is never edited in place. */
  @Column({ type: 'boolean', default: false })
  submitted: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}
