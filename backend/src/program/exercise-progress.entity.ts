import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { ExerciseProgressStatus } from '@amtsplan/domain';
import { OrganizationOwned } from '../organizations/organization-owned';
import { ProgramEnrolmentEntity } from './program-run.entity';

/**
 * Where a participant stands with one exercise: tenant data of the enrolled authority, never
 * readable by the cohort (peers see only counts, and only what is shared as a copy).
 */
@Entity({ name: 'program_exercise_progress' })
@Unique('UQ_program_exercise_progress_exercise', ['enrolmentId', 'exerciseId'])
@Check('CHK_program_exercise_progress_status', `status IN ('open', 'in_progress', 'done')`)
export class ExerciseProgressEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => ProgramEnrolmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: ProgramEnrolmentEntity;

  /** The curriculum's exercise id ('w03-…'): stable across versions while it means the same. */
  @Column({ name: 'exercise_id', type: 'text' })
  exerciseId: string;

  @Column({ type: 'integer' })
  week: number;

  @Column({ type: 'text', default: 'open' })
  status: ExerciseProgressStatus;

  @Column({ type: 'text', default: '' })
  answer: string;

  /** A reflection the participant marked as finished. */
  @Column({ type: 'boolean', default: false })
  finished: boolean;

  @Column({ type: 'integer', array: true, default: () => "'{}'" })
  checked: number[];

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
