import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

/**
 * The tenant key every organization-owned entity carries: `organization_id`, deleted with its
 * organization. Row-level security policies match on this column (see TENANT_TABLES).
 */
export abstract class OrganizationOwned {
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
}
