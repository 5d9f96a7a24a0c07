import type { ElectionBlackoutPeriod } from '@amtsplan/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/** The organization's approval settings: one row per organization, seeded with it. */
@Entity({ name: 'approval_settings' })
@Index('UQ_approval_settings_organization', ['organizationId'], { unique: true })
export class ApprovalSettingsEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** DESIGN.md invariant 3: authors approve their own posts only when this was switched on (audited). */
  @Column({ name: 'allow_self_approval', type: 'boolean', default: false })
  allowSelfApproval: boolean;

  @Column({ name: 'election_blackout_periods', type: 'jsonb', default: [] })
  electionBlackoutPeriods: ElectionBlackoutPeriod[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
