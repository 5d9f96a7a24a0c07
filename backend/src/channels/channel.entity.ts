import type { PlatformId } from '@amtsplan/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/** A social media account or publication channel of an organization. */
@Entity({ name: 'channels' })
@Check('CHK_channels_color', `color ~ '^#[0-9a-fA-F]{6}$'`)
@Index('IDX_channels_organization', ['organizationId'])
export class ChannelEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  platform: PlatformId;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  handle: string;

  @Column({ type: 'text' })
  color: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Mastodon instances may allow longer posts than 500 characters. */
  @Column({ name: 'text_limit', type: 'integer', nullable: true })
  textLimit: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
