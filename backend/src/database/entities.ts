import { ApprovalDecisionEntity } from '../approvals/approval-decision.entity';
import { ApprovalRequestEntity } from '../approvals/approval-request.entity';
import { ApprovalRouteEntity } from '../approvals/approval-route.entity';
import { ApprovalSettingsEntity } from '../approvals/approval-settings.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { ChannelEntity } from '../channels/channel.entity';
import { PostCommentEntity } from '../posts/post-comment.entity';
import { PostVariantEntity } from '../posts/post-variant.entity';
import { PostVersionEntity } from '../posts/post-version.entity';
import { PostEntity } from '../posts/post.entity';
import { PostMediaEntity } from '../media/post-media.entity';
import { TopicEntity } from '../topics/topic.entity';
import { SeriesEntity } from '../series/series.entity';
import { SessionEntity } from '../auth/session.entity';
import { InvitationEntity } from '../invitations/invitation.entity';
import { MembershipEntity } from '../members/membership.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CalendarFeedEntity } from '../plan-exchange/calendar-feed.entity';
import { NotificationPreferenceEntity } from '../notifications/notification-preference.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { InboxItemEntity } from '../inbox/inbox-item.entity';
import { InboxEvidenceEntity, InboxHistoryEntity, InboxNoteEntity, InboxReplyEntity, InboxRoutingRuleEntity, InboxSettingsEntity } from '../inbox/inbox-records.entity';
import { UserEntity } from '../users/user.entity';
import { ChannelCredentialsEntity } from '../publishing/channel-credentials.entity';
import { PublicationEntity } from '../publishing/publication.entity';
import { PublishAttemptEntity } from '../publishing/publish-attempt.entity';
import { ProgramCohortEntity, ProgramEnrolmentEntity, ProgramFacilitatorEntity, ProgramRunEntity } from '../program/program-run.entity';
import { ExerciseProgressEntity } from '../program/exercise-progress.entity';
import { CrisisDetectionEntity } from '../crisis/crisis-detection.entity';
import { IncidentEntity, IncidentTimelineEntryEntity } from '../crisis/incident.entity';
import { PlaybookEntity, PlaybookVersionEntity } from '../crisis/playbook.entity';
import { CohortShareEntity, ShareCommentEntity, ShareReactionEntity } from '../program/cohort-share.entity';
import { TextBlockCategoryEntity } from '../text-blocks/text-block-category.entity';
import { TextBlockSettingsEntity } from '../text-blocks/text-block-settings.entity';
import { TextBlockVersionEntity } from '../text-blocks/text-block-version.entity';
import { TextBlockEntity } from '../text-blocks/text-block.entity';

/** Listed, not globbed: globs do not resolve after bundling. */
export const ENTITIES = [
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  InvitationEntity,
  SessionEntity,
  AuditEventEntity,
  ChannelEntity,
  TopicEntity,
  PostEntity,
  PostVariantEntity,
  PostVersionEntity,
  PostCommentEntity,
  PostMediaEntity,
  SeriesEntity,
  CalendarFeedEntity,
  ApprovalRouteEntity,
  ApprovalSettingsEntity,
  ApprovalRequestEntity,
  ApprovalDecisionEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ChannelCredentialsEntity,
  PublicationEntity,
  PublishAttemptEntity,
  ProgramFacilitatorEntity,
  ProgramRunEntity,
  ProgramCohortEntity,
  ProgramEnrolmentEntity,
  ExerciseProgressEntity,
  CohortShareEntity,
  ShareCommentEntity,
  ShareReactionEntity,
  TextBlockCategoryEntity,
  TextBlockSettingsEntity,
  TextBlockEntity,
  TextBlockVersionEntity,
  PlaybookEntity,
  PlaybookVersionEntity,
  IncidentEntity,
  IncidentTimelineEntryEntity,
  CrisisDetectionEntity,
  InboxItemEntity,
  InboxNoteEntity,
  InboxHistoryEntity,
  InboxReplyEntity,
  InboxRoutingRuleEntity,
  InboxEvidenceEntity,
  InboxSettingsEntity,
];

/**
 * Tables that hold one organization's data. Each has `organization_id`, row-level security,
 * and appears in the tenant matrix test. Adding a tenant table means adding it here.
 */
export const TENANT_TABLES = [
  'organizations',
  'memberships',
  'invitations',
  'audit_events',
  'channels',
  'topics',
  'posts',
  'post_variants',
  'post_versions',
  'post_comments',
  'post_media',
  'series',
  'calendar_feeds',
  'approval_routes',
  'approval_settings',
  'approval_requests',
  'approval_decisions',
  'notifications',
  'channel_credentials',
  'publications',
  'publish_attempts',
  // The learning program: enrolments, shares and comments are read across organizations by
  // cohort members (CreateLearningProgram); progress is plain tenant data.
  'program_enrolments',
  'program_exercise_progress',
  'program_shares',
  'program_share_comments',
  'program_manifests',
  'program_midpoint_reviews',
  'program_exercise_uploads',
  'text_block_categories',
  'text_block_settings',
  'text_blocks',
  'text_block_versions',
  'playbooks',
  'playbook_versions',
  'incidents',
  'incident_timeline_entries',
  'crisis_detections',
  'inbox_items',
  'inbox_notes',
  'inbox_history',
  'inbox_replies',
  'inbox_routing_rules',
  'inbox_evidence',
  'inbox_settings',
  'inbox_mastodon_polls',
] as const;
