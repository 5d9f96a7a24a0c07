import type { AddressForm, OrganizationPlaceholder } from '@amtsplan/domain';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/** Per organization: its form of address and its own placeholders with default values. */
@Entity({ name: 'text_block_settings' })
@Index('UQ_text_block_settings_organization', ['organizationId'], { unique: true })
@Check('CHK_text_block_settings_address_form', `address_form IN ('sie', 'du')`)
export class TextBlockSettingsEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'address_form', type: 'text', default: 'sie' })
  addressForm: AddressForm;

  @Column({ type: 'jsonb', default: [] })
  placeholders: OrganizationPlaceholder[];

  @Column({ type: 'integer', default: 1 })
  version: number;
}
