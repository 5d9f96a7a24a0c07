import { NOTIFICATION_KINDS, type NotificationKind } from '@amtsplan/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A person's choice whether a kind of notification is also sent by e-mail. Installation-wide,
 * like the account: one choice for every organization the person belongs to. A kind without a
 * row follows EMAIL_BY_DEFAULT.
 */
@Entity({ name: 'notification_preferences' })
@Check('CHK_notification_preferences_kind', `kind IN (${NOTIFICATION_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'boolean' })
  email: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
