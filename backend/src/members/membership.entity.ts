import type { OrganizationRole } from '@amtsplan/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { UserEntity } from '../users/user.entity';

@Entity({ name: 'memberships' })
@Index('UQ_memberships_organization_user', ['organizationId', 'userId'], { unique: true })
@Check('CHK_memberships_role', `role IN ('admin', 'editor', 'approver', 'contributor', 'moderator', 'viewer')`)
export class MembershipEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_memberships_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  role: OrganizationRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
