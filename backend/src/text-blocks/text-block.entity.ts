import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/**
 * A text block (Textbaustein): what stays the same across its versions — short code, owner,
 * tags, validity, review date, usage. The text lives in its versions; `approvedVersionId` is
 * the newest approved one (the one replies may use), `latestVersionId` the one being edited.
 */
@Entity({ name: 'text_blocks' })
// Collation "C": the index serves prefix matches (`short_code LIKE 'abf%'`) in the typeahead.
@Index('UQ_text_blocks_organization_short_code', ['organizationId', 'shortCode'], { unique: true })
@Index('IDX_text_blocks_review', ['organizationId', 'reviewOn'])
// The picker's title and word indexes, written by hand in IndexTextBlockPicker (decision 0016).
@Index('IDX_text_blocks_picker_title', { synchronize: false })
@Index('IDX_text_blocks_picker_search', { synchronize: false })
// Short code in collation "C" and usage, for the picker (TextBlockPickerCandidates).
@Index('IDX_text_blocks_picker_code', { synchronize: false })
@Index('IDX_text_blocks_picker_usage', { synchronize: false })
export class TextBlockEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'short_code', type: 'text', collation: 'C' })
  shortCode: string;

  @Column({ name: 'owner_user_id', type: 'uuid' })
  ownerUserId: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ name: 'review_on', type: 'date', nullable: true })
  reviewOn: string | null;

  @Column({ name: 'latest_version_id', type: 'uuid', nullable: true })
  latestVersionId: string | null;

  @Column({ name: 'approved_version_id', type: 'uuid', nullable: true })
  approvedVersionId: string | null;

  @Column({ name: 'usage_count', type: 'integer', default: 0 })
  usageCount: number;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** Title and search vector of the approved version, for the picker; kept by triggers (IndexTextBlockPicker). */
  @Column({ name: 'picker_title', type: 'text', select: false, nullable: true, insert: false, update: false })
  pickerTitle?: string | null;

  @Column({ name: 'picker_search_vector', type: 'tsvector', select: false, nullable: true, insert: false, update: false })
  pickerSearchVector?: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
