import type { CrisisDetectionStatus } from '@amtsplan/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { IncidentEntity } from './incident.entity';
import { PlaybookEntity } from './playbook.entity';

/** One channel's figures at the time of the alert (the evidence shown with it). */
export interface DetectionChannelEvidence {
  readonly channelId: string;
  readonly channelName: string;
  readonly items: number;
  readonly negative: number;
  readonly negativePerHour: number;
  readonly negativeShare: number;
  /** Whether the channel meets the suggested level's triggers. */
  readonly meeting: boolean;
}

/**
 * A „Möglicher Shitstorm“ alert raised by the detection job (docs/crisis.md, decision 0021):
 * the suggested level and the playbook whose triggers were crossed, with the figures. It never
 * changes anything else; a person declares the crisis („Krise ausrufen“) or dismisses it.
 * `last_seen_at` is moved on while later runs still see the wave, so the same wave alerts again
 * only at a higher level.
 */
@Entity({ name: 'crisis_detections' })
@Index('IDX_crisis_detections_organization_detected', ['organizationId', 'detectedAt'])
@Check('CHK_crisis_detections_status', `status IN ('open', 'dismissed', 'declared')`)
@Check('CHK_crisis_detections_level', `suggested_level BETWEEN 1 AND 6`)
export class CrisisDetectionEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'suggested_level', type: 'integer' })
  suggestedLevel: number;

  /** „Stufe 3 – Starker Wind“ in the playbook's words. */
  @Column({ name: 'level_name', type: 'text' })
  levelName: string;

  @Column({ name: 'playbook_id', type: 'uuid', nullable: true })
  playbookId: string | null;

  @ManyToOne(() => PlaybookEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'playbook_id' })
  playbook?: PlaybookEntity;

  @Column({ name: 'playbook_version_number', type: 'integer', nullable: true })
  playbookVersionNumber: number | null;

  @Column({ name: 'window_minutes', type: 'integer' })
  windowMinutes: number;

  @Column({ type: 'jsonb', default: [] })
  channels: DetectionChannelEvidence[];

  @Column({ name: 'detected_at', type: 'timestamptz', default: () => 'now()' })
  detectedAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ type: 'text', default: 'open' })
  status: CrisisDetectionStatus;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  incidentId: string | null;

  @ManyToOne(() => IncidentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'incident_id' })
  incident?: IncidentEntity;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
