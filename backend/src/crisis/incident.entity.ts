import type { IncidentStatus, PlaybookContent, TimelineKind } from '@amtsplan/domain';
import type { IncidentReviewInput } from '@amtsplan/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

export interface ChecklistMark {
  readonly level: number;
  readonly stepId: string;
  readonly doneAt: string;
  readonly doneByUserId: string | null;
}

export interface ContactAlertMark {
  readonly contactId: string;
  readonly alertedAt: string;
  readonly byUserId: string | null;
  /** Alerted by Amtsplan (in-app and e-mail) rather than marked by a person after a call. */
  readonly automatic: boolean;
}

export interface DrillWaveItem {
  readonly channel: string;
  readonly minute: number;
  readonly category: string;
  readonly text: string;
}

/** A Krisenfall (or a drill, Übung): the playbook's content as it was declared, level, checklist, contacts, review. */
@Entity({ name: 'incidents' })
@Index('IDX_incidents_organization_status', ['organizationId', 'status'])
@Check('CHK_incidents_status', `status IN ('declared', 'active', 'ended', 'reviewed')`)
@Check('CHK_incidents_level', `level BETWEEN 0 AND 6`)
export class IncidentEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'integer' })
  level: number;

  @Column({ type: 'text' })
  status: IncidentStatus;

  /** Übung: nothing real is paused or published; the stop below is the drill's own. */
  @Column({ type: 'boolean', default: false })
  drill: boolean;

  @Column({ name: 'drill_stop', type: 'boolean', default: false })
  drillStop: boolean;

  @Column({ name: 'drill_wave', type: 'jsonb', default: [] })
  drillWave: DrillWaveItem[];

  @Column({ name: 'playbook_id', type: 'uuid', nullable: true })
  playbookId: string | null;

  @Column({ name: 'playbook_version_number', type: 'integer', nullable: true })
  playbookVersionNumber: number | null;

  /** The playbook content at declaration (an ad hoc incident gets the default scale without steps). */
  @Column({ type: 'jsonb' })
  content: PlaybookContent;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ name: 'declared_by_user_id', type: 'uuid', nullable: true })
  declaredByUserId: string | null;

  @Column({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'jsonb', default: [] })
  checklist: ChecklistMark[];

  @Column({ name: 'contacts_alerted', type: 'jsonb', default: [] })
  contactsAlerted: ContactAlertMark[];

  @Column({ type: 'jsonb', nullable: true })
  review: IncidentReviewInput | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** One line of an incident's timeline: automatic (level, checklist, stop, posts, statements) or a person's note. Never changed. */
@Entity({ name: 'incident_timeline_entries' })
@Index('IDX_incident_timeline_entries_incident', ['incidentId', 'at'])
export class IncidentTimelineEntryEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: IncidentEntity;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  @Column({ type: 'text' })
  kind: TimelineKind;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
