import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { ProgramCohortEntity, ProgramEnrolmentEntity } from './program-run.entity';

/**
 * A result a participant shared into the cohort: a copy, made when sharing (an anonymised post
 * draft, a reflection answer). Withdrawing deletes the copy, with its comments and reactions.
 */
@Entity({ name: 'program_shares' })
@Index('IDX_program_shares_cohort', ['cohortId', 'createdAt'])
@Check('CHK_program_shares_kind', `kind IN ('reflection', 'post_draft', 'upload', 'poster_section', 'text_block')`)
@Check('CHK_program_shares_image', `(kind = 'upload') = (image_storage_key IS NOT NULL AND image_content_type IS NOT NULL)`)
export class CohortShareEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => ProgramCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: ProgramCohortEntity;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => ProgramEnrolmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: ProgramEnrolmentEntity;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'text' })
  kind: 'reflection' | 'post_draft' | 'upload' | 'poster_section' | 'text_block';

  /** The exercise the result belongs to, when it answers one. */
  @Column({ name: 'exercise_id', type: 'text', nullable: true })
  exerciseId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** A shared image's own copy of the file (media storage, under the sharing authority). */
  @Column({ name: 'image_storage_key', type: 'text', nullable: true })
  imageStorageKey: string | null;

  @Column({ name: 'image_content_type', type: 'text', nullable: true })
  imageContentType: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A peer's comment on a shared result; the facilitator's comments carry no organization. */
@Entity({ name: 'program_share_comments' })
@Index('IDX_program_share_comments_share', ['shareId', 'createdAt'])
export class ShareCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'share_id', type: 'uuid' })
  shareId: string;

  @ManyToOne(() => CohortShareEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'share_id' })
  share?: CohortShareEntity;

  /** Kept next to the share so that the row-level policy needs no join through a hidden share. */
  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One reaction per person and shared result. */
@Entity({ name: 'program_share_reactions' })
@Check('CHK_program_share_reactions_reaction', `reaction IN ('like', 'helpful', 'idea')`)
export class ShareReactionEntity {
  @PrimaryColumn({ name: 'share_id', type: 'uuid' })
  shareId: string;

  @ManyToOne(() => CohortShareEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'share_id' })
  share?: CohortShareEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @Column({ type: 'text' })
  reaction: 'like' | 'helpful' | 'idea';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
