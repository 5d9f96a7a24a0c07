import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

/** The organization's own list of topics (Themen), each with a colour for the calendar. */
@Entity({ name: 'topics' })
@Index('UQ_topics_organization_name', ['organizationId', 'name'], { unique: true })
export class TopicEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  color: string;

  /** Sensitive topics can choose a stricter approval route (Freigabe issue). */
  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
