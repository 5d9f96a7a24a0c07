import type { ImageContentType } from '@amtsplan/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';
import { PostEntity } from '../posts/post.entity';

/** An image of a post. The bytes live on disk under `storageKey`; this row is all that names them. */
@Entity({ name: 'post_media' })
@Index('IDX_post_media_post', ['postId', 'position'])
@Index('UQ_post_media_storage_key', ['storageKey'], { unique: true })
@Check('CHK_post_media_alt_text', `length(btrim(alt_text)) > 0`)
@Check('CHK_post_media_content_type', `content_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif')`)
export class PostMediaEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  /** Random file name chosen by the server (`<uuid>.<ext>`); the client's file name is never used. */
  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: ImageContentType;

  /** Size of the stored file, after metadata was stripped. */
  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  @Column({ type: 'integer' })
  width: number;

  /** Height of one frame (animations are stored as all their frames). */
  @Column({ type: 'integer' })
  height: number;

  /**
   * Hex SHA-256 of the stored bytes, bound into approvals (approvalContent). Written on upload;
   * images stored before it existed get it the first time an approval reads them.
   */
  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash: string | null;

  @Column({ name: 'alt_text', type: 'text' })
  altText: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
