import type { ApprovalRouteConditions, ApprovalStep } from '@amtsplan/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/**
 * A Freigaberoute. Conditions and steps are stored as the domain's shapes (jsonb) and are
 * only ever written after validateApprovalRoute accepted them.
 */
@Entity({ name: 'approval_routes' })
@Index('IDX_approval_routes_organization', ['organizationId', 'priority'])
@Index('UQ_approval_routes_organization_name', ['organizationId', 'name'], { unique: true })
// Exactly one default route per organization: at most one by this index, at least one by the service.
@Index('UQ_approval_routes_default', ['organizationId'], { unique: true, where: 'is_default' })
export class ApprovalRouteEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer', default: 100 })
  priority: number;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'jsonb', default: {} })
  conditions: ApprovalRouteConditions;

  @Column({ type: 'jsonb' })
  steps: ApprovalStep[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
