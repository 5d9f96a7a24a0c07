import { CreateFoundation1795326110855 } from './1795326110855-CreateFoundation';
import { EnableRowLevelSecurity1795326200000 } from './1795326200000-EnableRowLevelSecurity';
import { CreateEditorialPlan1795328876683 } from './1795328876683-CreateEditorialPlan';
import { EnableEditorialPlanSecurity1795328900000 } from './1795328900000-EnableEditorialPlanSecurity';
import { CreateSeries1795400000000 } from './1795400000000-CreateSeries';
import { CreatePostMedia1795400100000 } from './1795400100000-CreatePostMedia';
import { CreateCalendarFeeds1795400200000 } from './1795400200000-CreateCalendarFeeds';
import { CreateChangeNotifications1795400300000 } from './1795400300000-CreateChangeNotifications';
import { CreateApprovals1795400400000 } from './1795400400000-CreateApprovals';
import { AddPostMediaContentHash1795400500000 } from './1795400500000-AddPostMediaContentHash';
import { CreateNotifications1795400700000 } from './1795400700000-CreateNotifications';
import { CreatePublishing1795400800000 } from './1795400800000-CreatePublishing';
import { CreateApprovalReminderSweep1795400960000 } from './1795400960000-CreateApprovalReminderSweep';
import { CreateLearningProgram1795401000000 } from './1795401000000-CreateLearningProgram';
import { CreateTextBlocks1795402000000 } from './1795402000000-CreateTextBlocks';
import { SecureTextBlocks1795402100000 } from './1795402100000-SecureTextBlocks';
import { CreateInbox1795403000000 } from './1795403000000-CreateInbox';
import { CreateInboxRetentionSweep1795403100000 } from './1795403100000-CreateInboxRetentionSweep';
import { CreateCrisisMode1795404000000 } from './1795404000000-CreateCrisisMode';
import { CreateProgramManifests1795405000000 } from './1795405000000-CreateProgramManifests';
import { AddProgramAuthorityDirectory1795405100000 } from './1795405100000-AddProgramAuthorityDirectory';
import { CreateProgramMidpointReviews1795405200000 } from './1795405200000-CreateProgramMidpointReviews';
import { SensitiveInboxReplies1795408200000 } from './1795408200000-SensitiveInboxReplies';
import { SubmitPlaybookVersions1795407000000 } from './1795407000000-SubmitPlaybookVersions';
import { IndexTextBlockPicker1795408000000 } from './1795408000000-IndexTextBlockPicker';
import { IndexInboxList1795408010000 } from './1795408010000-IndexInboxList';
import { CreateCrisisDetections1795408300000 } from './1795408300000-CreateCrisisDetections';
import { CreateQueuedInboxAndPlaybookJobs1795408100000 } from './1795408100000-CreateQueuedInboxAndPlaybookJobs';
import { CreateProgramExerciseUploads1795408400000 } from './1795408400000-CreateProgramExerciseUploads';
import { WidenProgramShareKinds1795408500000 } from './1795408500000-WidenProgramShareKinds';
import { TextBlockPickerCandidates1795408600000 } from './1795408600000-TextBlockPickerCandidates';

/** Listed in order, not globbed: globs do not resolve after bundling. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  CreateFoundation1795326110855,
  EnableRowLevelSecurity1795326200000,
  CreateEditorialPlan1795328876683,
  EnableEditorialPlanSecurity1795328900000,
  CreateSeries1795400000000,
  CreatePostMedia1795400100000,
  CreateCalendarFeeds1795400200000,
  CreateChangeNotifications1795400300000,
  CreateApprovals1795400400000,
  AddPostMediaContentHash1795400500000,
  CreateNotifications1795400700000,
  CreatePublishing1795400800000,
  CreateApprovalReminderSweep1795400960000,
  CreateLearningProgram1795401000000,
  CreateTextBlocks1795402000000,
  SecureTextBlocks1795402100000,
  CreateInbox1795403000000,
  CreateInboxRetentionSweep1795403100000,
  CreateCrisisMode1795404000000,
  CreateProgramManifests1795405000000,
  AddProgramAuthorityDirectory1795405100000,
  CreateProgramMidpointReviews1795405200000,
  SubmitPlaybookVersions1795407000000,
  IndexTextBlockPicker1795408000000,
  IndexInboxList1795408010000,
  CreateQueuedInboxAndPlaybookJobs1795408100000,
  SensitiveInboxReplies1795408200000,
  CreateCrisisDetections1795408300000,
  CreateProgramExerciseUploads1795408400000,
  WidenProgramShareKinds1795408500000,
  TextBlockPickerCandidates1795408600000,
];
