import type { OrganizationRole } from '@amtsplan/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

/** A single-use link that lets one e-mail address join one organization in one role. */
@Entity({ name: 'invitations' })
@Check('CHK_invitations_role', `role IN ('admin', 'editor', 'approver', 'contributor', 'moderator', 'viewer')`)
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_invitations_organization')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: OrganizationRole;

  /** SHA-256 of the token in the link; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true })
  invitedByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by_user_id', type: 'uuid', nullable: true })
  acceptedByUserId: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
