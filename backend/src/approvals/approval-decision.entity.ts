import type { ApprovalDecisionKind } from '@amtsplan/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { ApprovalRequestEntity } from './approval-request.entity';

/**
 * A decision on one step of a request. A record: the app role may insert and read, never
 * change or delete. One person decides at most once per request, which the unique index
 * holds even against a bug in the service (four-eyes across steps).
 */
@Entity({ name: 'approval_decisions' })
@Index('UQ_approval_decisions_request_user', ['requestId', 'userId'], { unique: true })
@Check('CHK_approval_decisions_kind', `kind IN ('approve', 'request_changes', 'reject')`)
export class ApprovalDecisionEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => ApprovalRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: ApprovalRequestEntity;

  @Column({ name: 'step_index', type: 'integer' })
  stepIndex: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: ApprovalDecisionKind;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'as_deputy', type: 'boolean', default: false })
  asDeputy: boolean;

  @Column({ name: 'self_approval', type: 'boolean', default: false })
  selfApproval: boolean;

  /** The content hash the decision was about (always the request's). */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
