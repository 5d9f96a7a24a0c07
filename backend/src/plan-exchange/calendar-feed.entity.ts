import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationOwned } from '../organizations/organization-owned';

/**
 * A calendar subscription (Kalender-Abo): a secret address under which calendar apps read the
 * organization's plan without logging in. Revoking it makes the address answer 404.
 */
@Entity({ name: 'calendar_feeds' })
@Index('IDX_calendar_feeds_organization', ['organizationId'])
export class CalendarFeedEntity extends OrganizationOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  label: string;

  /** SHA-256 of the token in the address; the token itself is never stored. */
  @Index('UQ_calendar_feeds_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
