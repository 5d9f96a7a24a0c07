import type { TextBlockVersionStatus } from '@amtsplan/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { TextBlockCategoryEntity } from './text-block-category.entity';
import { TextBlockEntity } from './text-block.entity';

/**
 * One version of a text block's text: what an approval request is bound to. Once submitted its
 * content is never changed; editing then starts the next version. `search_vector` (title
 * weight A, body weight B, `german` configuration) is kept by a trigger (CreateTextBlocks).
 */
@Entity({ name: 'text_block_versions' })
@Index('UQ_text_block_versions_block_number', ['textBlockId', 'number'], { unique: true })
// GIN index written by hand in the migration; TypeORM cannot describe it.
@Index('IDX_text_block_versions_search', { synchronize: false })
@Check('CHK_text_block_versions_status', `status IN ('draft', 'in_approval', 'approved', 'changes_requested', 'rejected')`)
export class TextBlockVersionEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'text_block_id', type: 'uuid' })
  textBlockId: string;

  @ManyToOne(() => TextBlockEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'text_block_id' })
  textBlock?: TextBlockEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'body_sie', type: 'text', nullable: true })
  bodySie: string | null;

  @Column({ name: 'body_du', type: 'text', nullable: true })
  bodyDu: string | null;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => TextBlockCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: TextBlockCategoryEntity;

  /** Platform ids it suits; empty: every channel. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  platforms: string[];

  @Column({ type: 'text', default: 'draft' })
  status: TextBlockVersionStatus;

  /** Whether this version was ever submitted: then its content is final. */
  @Column({ type: 'boolean', default: false })
  submitted: boolean;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  /** Everyone who wrote into this version's text (four-eyes). */
  @Column({ name: 'editor_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  editorUserIds: string[];

  @Column({ name: 'search_vector', type: 'tsvector', select: false, nullable: true, insert: false, update: false })
  searchVector?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
