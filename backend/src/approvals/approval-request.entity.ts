import type { ApprovalContentChange, ApprovalRequestStatus, ApprovalRoute } from '@amtsplan/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { PostEntity } from '../posts/post.entity';
import { PlaybookVersionEntity } from '../crisis/playbook.entity';
import { InboxReplyEntity } from '../inbox/inbox-records.entity';
import { TextBlockVersionEntity } from '../text-blocks/text-block-version.entity';
import { ApprovalRouteEntity } from './approval-route.entity';
import type { ApprovalSubjectType } from './approval-subject';

/** A step's progress as stored: the domain's ApprovalStepProgress without its decisions (approval_decisions). */
export interface StoredStepProgress {
  readonly name: string;
  readonly mode: 'any' | 'all';
  readonly approverUserIds: readonly string[];
  readonly deputyUserId: string | null;
  readonly dueAt: string;
  readonly status: 'waiting' | 'open' | 'approved' | 'skipped' | 'changes_requested' | 'rejected';
}

/**
 * Why a request was voided: a change of the approved content (approvalContentChanges), or a
 * new submission of the same post replacing an approval that no longer applied.
 */
export type StoredVoidReason = ApprovalContentChange | { readonly kind: 'resubmitted'; readonly message: string };

/**
 * One submission of a subject (Freigabeanfrage): a post, a text block version or a crisis playbook version
 * (see approval-subject.ts for how a further kind is added). Exactly one subject column is set,
 * matching `subject_type` (CHK_approval_requests_subject).
 *
 * For a post: one submission, bound to the SHA-256 of its canonical content.
 * The canonical content itself is kept, so a void can say what changed and the publisher can
 * send exactly what was approved.
 */
@Entity({ name: 'approval_requests' })
@Index('IDX_approval_requests_organization_status', ['organizationId', 'status'])
@Index('IDX_approval_requests_post', ['postId', 'submittedAt'])
// At most one running or approved request per post: the one the publisher may trust.
@Index('UQ_approval_requests_live_post', ['postId'], { unique: true, where: "status IN ('pending', 'approved')" })
@Index('UQ_approval_requests_live_text_block_version', ['textBlockVersionId'], { unique: true, where: "status IN ('pending', 'approved')" })
@Index('IDX_approval_requests_text_block_version', ['textBlockVersionId', 'submittedAt'])
@Index('UQ_approval_requests_live_playbook_version', ['playbookVersionId'], { unique: true, where: "status IN ('pending', 'approved')" })
@Index('IDX_approval_requests_playbook_version', ['playbookVersionId', 'submittedAt'])
@Index('UQ_approval_requests_live_inbox_reply', ['inboxReplyId'], { unique: true, where: "status IN ('pending', 'approved')" })
@Index('IDX_approval_requests_inbox_reply', ['inboxReplyId', 'submittedAt'])
@Check(
  'CHK_approval_requests_subject',
  `(subject_type = 'post' AND post_id IS NOT NULL AND text_block_version_id IS NULL AND playbook_version_id IS NULL AND inbox_reply_id IS NULL) OR (subject_type = 'text_block' AND text_block_version_id IS NOT NULL AND post_id IS NULL AND playbook_version_id IS NULL AND inbox_reply_id IS NULL) OR (subject_type = 'playbook' AND playbook_version_id IS NOT NULL AND post_id IS NULL AND text_block_version_id IS NULL AND inbox_reply_id IS NULL) OR (subject_type = 'inbox_reply' AND inbox_reply_id IS NOT NULL AND post_id IS NULL AND text_block_version_id IS NULL AND playbook_version_id IS NULL)`,
)
@Check('CHK_approval_requests_status', `status IN ('pending', 'approved', 'changes_requested', 'rejected', 'voided', 'withdrawn')`)
export class ApprovalRequestEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'text', default: 'post' })
  subjectType: ApprovalSubjectType;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @Column({ name: 'text_block_version_id', type: 'uuid', nullable: true })
  textBlockVersionId: string | null;

  @ManyToOne(() => TextBlockVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'text_block_version_id' })
  textBlockVersion?: TextBlockVersionEntity;

  @Column({ name: 'playbook_version_id', type: 'uuid', nullable: true })
  playbookVersionId: string | null;

  @ManyToOne(() => PlaybookVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'playbook_version_id' })
  playbookVersion?: PlaybookVersionEntity;

  /** A reply of the Posteingang on an item of a sensitive category (decision 0020). */
  @Column({ name: 'inbox_reply_id', type: 'uuid', nullable: true })
  inboxReplyId: string | null;

  @ManyToOne(() => InboxReplyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inbox_reply_id' })
  inboxReply?: InboxReplyEntity;

  /** Null once the route was deleted; `routeSnapshot` keeps what applied. */
  @Column({ name: 'route_id', type: 'uuid', nullable: true })
  routeId: string | null;

  @ManyToOne(() => ApprovalRouteEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'route_id' })
  route?: ApprovalRouteEntity | null;

  @Column({ name: 'route_snapshot', type: 'jsonb' })
  routeSnapshot: ApprovalRoute;

  @Column({ type: 'text' })
  status: ApprovalRequestStatus;

  /** Hex SHA-256 of `canonicalContent` (UTF-8). */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  /** canonicalApprovalContent of the post at submission: exactly what is to be published. */
  @Column({ name: 'canonical_content', type: 'text' })
  canonicalContent: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ name: 'submitted_by_user_id', type: 'uuid' })
  submittedByUserId: string;

  /** Everyone who changed the post's hashed content before this submission (four-eyes). */
  @Column({ name: 'content_editor_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  contentEditorUserIds: string[];

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** The instant `before_planned` deadlines count back from (planningDeadline). */
  @Column({ name: 'planned_at', type: 'timestamptz', nullable: true })
  plannedAt: Date | null;

  @Column({ type: 'jsonb' })
  steps: StoredStepProgress[];

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** What changed when the request was voided. */
  @Column({ name: 'void_reasons', type: 'jsonb', default: [] })
  voidReasons: StoredVoidReason[];

  @Column({ type: 'integer', default: 1 })
  version: number;
}
