import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

/**
 * An installation-wide grant: this person may run program cohorts (Programmleitung). Given by the
 * installation's admin on the command line (`program:facilitator`), like the operator account,
 * because a facilitator works across authorities and no authority's admin can vouch for that.
 */
@Entity({ name: 'program_facilitators' })
export class ProgramFacilitatorEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}

/** A Durchgang: twelve weeks from a Monday, led by one facilitator. */
@Entity({ name: 'program_runs' })
@Index('IDX_program_runs_facilitator', ['facilitatorUserId'])
@Check('CHK_program_runs_unlocked', `unlocked_through_week BETWEEN 0 AND 12`)
export class ProgramRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'unlocked_through_week', type: 'integer', default: 0 })
  unlockedThroughWeek: number;

  @Column({ name: 'curriculum_version', type: 'text' })
  curriculumVersion: string;

  @Column({ name: 'facilitator_user_id', type: 'uuid' })
  facilitatorUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_user_id' })
  facilitator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** A Peer-Gruppe of up to five authorities within a run, with its weekly 90-minute meeting. */
@Entity({ name: 'program_cohorts' })
@Index('IDX_program_cohorts_run', ['runId'])
@Check('CHK_program_cohorts_meeting_weekday', `meeting_weekday BETWEEN 1 AND 7`)
export class ProgramCohortEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @ManyToOne(() => ProgramRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: ProgramRunEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'meeting_weekday', type: 'integer' })
  meetingWeekday: number;

  /** Local start on German time, 'HH:MM'. */
  @Column({ name: 'meeting_time', type: 'text' })
  meetingTime: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** One participant taking part for one authority: one per authority per run. */
@Entity({ name: 'program_enrolments' })
@Unique('UQ_program_enrolments_run_organization', ['runId', 'organizationId'])
@Index('IDX_program_enrolments_cohort', ['cohortId'])
@Index('IDX_program_enrolments_user', ['userId'])
export class ProgramEnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @ManyToOne(() => ProgramRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: ProgramRunEntity;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => ProgramCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: ProgramCohortEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
