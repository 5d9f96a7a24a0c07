import type { PlatformId } from '@amtsplan/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

/** A social media account or publication channel of an organization. */
@Entity({ name: 'channels' })
@Check('CHK_channels_color', `color ~ '^#[0-9a-fA-F]{6}$'`)
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_channels_organization')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

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
