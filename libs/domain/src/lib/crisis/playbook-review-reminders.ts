import { addCalendarDays } from '../calendar-date';

/**
 * The owner of a playbook is reminded of its next review twice: a week ahead (`review_soon`,
 * time to book the review meeting with the people on the contact list) and on the day itself
 * (`review_due`). Days already past are not reminded of any more.
 */
export const PLAYBOOK_REVIEW_LEAD_DAYS = 7;
export const PLAYBOOK_REVIEW_REMINDER_KINDS = ['review_soon', 'review_due'] as const;
export type PlaybookReviewReminderKind = (typeof PLAYBOOK_REVIEW_REMINDER_KINDS)[number];

export interface PlaybookReviewReminder {
  readonly kind: PlaybookReviewReminderKind;
  /** The calendar day (YYYY-MM-DD) the reminder goes out. */
  readonly on: string;
}

export function playbookReviewReminders(nextReviewOn: string | null, today: string): PlaybookReviewReminder[] {
  if (nextReviewOn === null) return [];
  const reminders: PlaybookReviewReminder[] = [
    { kind: 'review_soon', on: addCalendarDays(nextReviewOn, -PLAYBOOK_REVIEW_LEAD_DAYS) },
    { kind: 'review_due', on: nextReviewOn },
  ];
  return reminders.filter((r) => r.on >= today);
}
