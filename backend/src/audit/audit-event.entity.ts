import type { AuditAction } from '@amtsplan/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of security-relevant and workflow actions. The app's database role may
 * only INSERT and SELECT; a trigger refuses UPDATE, DELETE and TRUNCATE for everyone.
 */
@Entity({ name: 'audit_events' })
@Index('IDX_audit_events_organization_time', ['organizationId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** Null for events outside any organization (logins, operator actions). */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  action: AuditAction;

  @Column({ name: 'object_type', type: 'text', nullable: true })
  objectType: string | null;

  @Column({ name: 'object_id', type: 'text', nullable: true })
  objectId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  ip: string | null;
}
