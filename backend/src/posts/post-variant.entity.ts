import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { PostEntity } from './post.entity';

/** A post's presence on one channel, optionally with its own text. */
@Entity({ name: 'post_variants' })
@Index('IDX_post_variants_channel', ['channelId'])
export class PostVariantEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId: string;

  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
