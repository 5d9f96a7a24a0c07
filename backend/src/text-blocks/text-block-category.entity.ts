import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/** A category of text blocks (Öffnungszeiten, Abfall, …), seeded per organization. */
@Entity({ name: 'text_block_categories' })
@Index('UQ_text_block_categories_organization_name', ['organizationId', 'name'], { unique: true })
export class TextBlockCategoryEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
