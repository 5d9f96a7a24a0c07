import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/** The organization's own list of topics (Themen), each with a colour for the calendar. */
@Entity({ name: 'topics' })
@Index('UQ_topics_organization_name', ['organizationId', 'name'], { unique: true })
export class TopicEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
