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

  /**
   * Kommunikationsstopp: while on, nothing of this organization is published (DESIGN.md
   * invariant 5); the publisher's claim reads it. Switched by the crisis workflow.
   */
  @Column({ name: 'communication_stop', type: 'boolean', default: false })
  communicationStop: boolean;

  @Column({ name: 'communication_stop_since', type: 'timestamptz', nullable: true })
  communicationStopSince: Date | null;

  @Column({ name: 'communication_stop_reason', type: 'text', nullable: true })
  communicationStopReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
