import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { TopicEntity } from '../topics/topic.entity';

/** A Serie/Format: recurring slots in the plan with a default checklist and text skeleton. */
@Entity({ name: 'series' })
@Index('IDX_series_organization', ['organizationId'])
export class SeriesEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  hashtag: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'channel_ids', type: 'uuid', array: true, default: () => "'{}'" })
  channelIds: string[];

  /** One RRULE line (no DTSTART); slots follow `start` on the wall clock of `timeZone`. */
  @Column({ type: 'text' })
  rrule: string;

  /** First occurrence on the wall clock: 'YYYY-MM-DDTHH:mm'. */
  @Column({ name: 'start_local', type: 'text' })
  start: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'topic_id', type: 'uuid', nullable: true })
  topicId: string | null;

  @ManyToOne(() => TopicEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'topic_id' })
  topic?: TopicEntity | null;

  @Column({ type: 'jsonb', default: [] })
  checklist: Array<{ label: string; done: boolean }>;

  @Column({ name: 'text_skeleton', type: 'text', default: '' })
  textSkeleton: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
