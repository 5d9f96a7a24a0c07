import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { OrganizationOwned } from '../organizations/organization-owned';

/**
 * How the publisher reaches a channel's account on its platform (today: Mastodon). The access
 * token is sealed with AES-256-GCM (ChannelSecrets) and never leaves the backend.
 */
@Entity({ name: 'channel_credentials' })
export class ChannelCredentialsEntity extends OrganizationOwned {
  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  /** E.g. https://social.bund.de (origin only, no path). */
  @Column({ name: 'instance_url', type: 'text' })
  instanceUrl: string;

  /** `v1.<iv>.<tag>.<ciphertext>`, bound to the channel id (see channel-secrets.ts). */
  @Column({ name: 'access_token_sealed', type: 'text' })
  accessTokenSealed: string;

  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
