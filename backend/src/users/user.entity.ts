import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person's account. Not tenant data: one person may belong to several organizations. */
@Entity({ name: 'users' })
@Check('CHK_users_locale', `locale IN ('de', 'en')`)
@Check('CHK_users_email_lower', `email = lower(email)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case (the contracts normalise it), unique across the installation. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id PHC string; null for an account that can no longer log in. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', default: 'de' })
  locale: 'de' | 'en';

  /** The installation operator creates organizations and sees no tenant content. */
  @Column({ name: 'is_operator', type: 'boolean', default: false })
  isOperator: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
