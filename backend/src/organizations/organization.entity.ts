import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An authority (Behörde): the tenant. */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'time_zone', type: 'text', default: 'Europe/Berlin' })
  timeZone: string;

  /** ISO 3166-2:DE code without the prefix, for public holidays. */
  @Column({ type: 'text' })
  bundesland: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
