import type { InboxResponseReminderKind, PlaybookReviewReminderKind, ReminderKind, TextBlockReminderKind } from '@amtsplan/domain';
import type { JobsOptions } from 'bullmq';

/** Every queue of the installation (DESIGN.md). Later features add jobs, not queues. */
export enum QueueName {
  Publishing = 'publishing',
  Notifications = 'notifications',
  Reminders = 'reminders',
  InboxImport = 'inbox-import',
  Maintenance = 'maintenance',
}

/**
 * Jobs one worker process runs at once, on every queue; each running job holds at most one pooled
 * connection at a time. Publishing was tried with 10: two workers kept 20 PostgreSQL backends busy
 * and the publishing minute came out later, not earlier (docs/benchmarks.md, bench:publishing).
 */
export const WORKER_CONCURRENCY = 5;

export enum JobName {
  InvitationMail = 'invitation-mail',
  PurgeExpiredSessions = 'purge-expired-sessions',
  NotificationMail = 'notification-mail',
  NotificationMailSweep = 'notification-mail-sweep',
  /** PUBLISH_JOB_NAME in libs/domain; its id is deterministicPublishJobId(postId, version). */
  PublishPost = 'publish-post',
  PublishingSweep = 'publishing-sweep',
  /** Its job id is reminderJobId(requestId, stepIndex, kind) from libs/domain (`approval-reminder_…`). */
  ApprovalReminder = 'approval-reminder',
  ApprovalReminderSweep = 'approval-reminder-sweep',
  /** Its id is textBlockReminderJobId(textBlockId, kind, day): `text-block-reminder_…`. */
  TextBlockReminder = 'text-block-reminder',
  TextBlockReminderSweep = 'text-block-reminder-sweep',
  /** Daily; its job id carries the day, so several workers run it once. */
  InboxRetention = 'inbox-retention',
  /** Debounced on inbox arrival; its id carries the organization and the time slot (`crisis-detection_<org>_<slot>`). */
  CrisisDetection = 'crisis-detection',
  /** Every minute: a detection for every organization with inbox arrivals in the window. */
  CrisisDetectionSweep = 'crisis-detection-sweep',
  /** Its id is inboxResponseReminderJobId(itemId, kind, dueAt): `inbox-response-reminder_…`. */
  InboxResponseReminder = 'inbox-response-reminder',
  InboxResponseReminderSweep = 'inbox-response-reminder-sweep',
  /** Its id is playbookReviewReminderJobId(playbookId, kind, day): `playbook-review-reminder_…`. */
  PlaybookReviewReminder = 'playbook-review-reminder',
  PlaybookReviewReminderSweep = 'playbook-review-reminder-sweep',
  /** Repeatable per active Mastodon channel; its scheduler id is mastodonPollSchedulerId(channelId). */
  MastodonNotificationsPoll = 'mastodon-notifications-poll',
  /** Adds and removes the per-channel poll schedulers from PostgreSQL. */
  MastodonPollingReconcile = 'mastodon-polling-reconcile',
}

/**
 * Typed payloads. Jobs carry ids, never tenant content: handlers re-read PostgreSQL, the source
 * of truth. The invitation link is the one exception; its job is removed once sent.
 */
export interface JobPayloads {
  [JobName.InvitationMail]: { organizationId: string; invitationId: string; acceptUrl: string };
  [JobName.PurgeExpiredSessions]: { scheduledFor: string };
  /** The recipient's id lets the handler act in the recipient's own scope (row-level security). */
  [JobName.NotificationMail]: { organizationId: string; notificationId: string; recipientUserId: string };
  [JobName.NotificationMailSweep]: { scheduledFor: string };
  /** A trigger only: the handler claims and publishes from PostgreSQL, whatever the payload says. */
  [JobName.PublishPost]: { organizationId: string; postId: string; version: number };
  [JobName.PublishingSweep]: { scheduledFor: string };
  /** A trigger only: the handler re-reads the request and does nothing once the step has moved on. */
  [JobName.ApprovalReminder]: { organizationId: string; requestId: string; stepIndex: number; kind: ReminderKind };
  [JobName.ApprovalReminderSweep]: { scheduledFor: string };
  /** A trigger only: the handler re-reads the block and does nothing when the date changed. */
  [JobName.TextBlockReminder]: { organizationId: string; textBlockId: string; kind: TextBlockReminderKind; on: string };
  [JobName.TextBlockReminderSweep]: { scheduledFor: string };
  [JobName.InboxRetention]: { scheduledFor: string };
  /** A trigger only: the handler reads the organization's inbox window and playbooks from PostgreSQL. */
  [JobName.CrisisDetection]: { organizationId: string; slot: number };
  [JobName.CrisisDetectionSweep]: { scheduledFor: string };
  /** A trigger only: the handler re-reads the item and does nothing once it is answered, closed or its due time moved. */
  [JobName.InboxResponseReminder]: { organizationId: string; itemId: string; kind: InboxResponseReminderKind; dueAt: string };
  [JobName.InboxResponseReminderSweep]: { scheduledFor: string };
  /** A trigger only: the handler re-reads the playbook and does nothing when the review date moved. */
  [JobName.PlaybookReviewReminder]: { organizationId: string; playbookId: string; kind: PlaybookReviewReminderKind; reviewOn: string };
  [JobName.PlaybookReviewReminderSweep]: { scheduledFor: string };
  /** A trigger only: the handler re-reads channel, token and since_id. */
  [JobName.MastodonNotificationsPoll]: { organizationId: string; channelId: string };
  [JobName.MastodonPollingReconcile]: { scheduledFor: string };
}

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.InvitationMail]: QueueName.Notifications,
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.NotificationMail]: QueueName.Notifications,
  [JobName.NotificationMailSweep]: QueueName.Maintenance,
  [JobName.PublishPost]: QueueName.Publishing,
  [JobName.PublishingSweep]: QueueName.Publishing,
  [JobName.ApprovalReminder]: QueueName.Reminders,
  [JobName.ApprovalReminderSweep]: QueueName.Reminders,
  [JobName.TextBlockReminder]: QueueName.Reminders,
  [JobName.TextBlockReminderSweep]: QueueName.Reminders,
  [JobName.InboxRetention]: QueueName.Maintenance,
  [JobName.CrisisDetection]: QueueName.InboxImport,
  [JobName.CrisisDetectionSweep]: QueueName.InboxImport,
  [JobName.InboxResponseReminder]: QueueName.Reminders,
  [JobName.InboxResponseReminderSweep]: QueueName.Reminders,
  [JobName.PlaybookReviewReminder]: QueueName.Reminders,
  [JobName.PlaybookReviewReminderSweep]: QueueName.Reminders,
  [JobName.MastodonNotificationsPoll]: QueueName.InboxImport,
  [JobName.MastodonPollingReconcile]: QueueName.InboxImport,
};

/** Defaults for every job; a job may override them where its nature differs. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 60 * 60, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 60 * 60 },
};

export const JOB_OPTIONS: { readonly [N in JobName]?: JobsOptions } = {
  // The payload holds a secret link: keep it in Redis no longer than needed.
  [JobName.InvitationMail]: { removeOnComplete: true, removeOnFail: { age: 24 * 60 * 60 } },
  [JobName.PurgeExpiredSessions]: { attempts: 1 },
  [JobName.NotificationMailSweep]: { attempts: 1 },
  // Removed once done, so the reconciliation can tell a post without a job from one with a pending job.
  [JobName.PublishPost]: { attempts: 3, removeOnComplete: true },
  [JobName.PublishingSweep]: { attempts: 1 },
  [JobName.ApprovalReminderSweep]: { attempts: 1 },
  [JobName.TextBlockReminderSweep]: { attempts: 1 },
  [JobName.InboxRetention]: { attempts: 3 },
  // The next slot's run looks again; old runs are of no interest.
  [JobName.CrisisDetection]: { attempts: 2, removeOnComplete: { age: 60 * 60 }, removeOnFail: { age: 24 * 60 * 60 } },
  [JobName.CrisisDetectionSweep]: { attempts: 1, removeOnComplete: { age: 60 * 60 } },
  [JobName.InboxResponseReminderSweep]: { attempts: 1 },
  [JobName.PlaybookReviewReminderSweep]: { attempts: 1 },
  // The next run of the scheduler is the retry; a failed poll must not pile up retries (rate limits).
  [JobName.MastodonNotificationsPoll]: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  [JobName.MastodonPollingReconcile]: { attempts: 1 },
};

export const ALL_QUEUES = Object.values(QueueName);

export interface JobHandler<N extends JobName = JobName> {
  readonly job: N;
  handle(payload: JobPayloads[N]): Promise<void>;
}

/** Each job must have exactly one handler, or the worker refuses to start. */
export function checkHandlerCoverage(handlers: readonly JobHandler[]): string[] {
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const count = handlers.filter((h) => h.job === job).length;
    if (count !== 1) problems.push(`${job}: ${count} handlers`);
  }
  return problems;
}

/** Deterministic job id from the job and what it is about (BullMQ forbids `:` in custom ids). */
export function jobId(job: JobName, ...about: ReadonlyArray<string | number>): string {
  return [job, ...about].join('_');
}
