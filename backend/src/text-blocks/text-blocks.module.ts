import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { ApprovalSettingsRepository } from '../approvals/approval-settings.repository';
import { ApprovalViews } from '../approvals/approval-views';
import { ApprovalVoidingModule } from '../approvals/approval-voiding.module';
import { RemindersModule } from '../reminders/reminders.module';
import { TextBlockApproval } from './text-block-approval';
import { TextBlockCsv } from './text-block-csv';
import { TextBlockReminderJobs } from './text-block-reminder-jobs';
import { TextBlockSearch } from './text-block-search';
import { TextBlockSettingsController } from './text-block-settings.controller';
import { TextBlockSettingsService } from './text-block-settings.service';
import { TextBlockStarterPack } from './text-block-starter-pack';
import { TextBlockViews } from './text-block-views';
import { TextBlockRepository } from './text-block.repository';
import { TextBlocksController } from './text-blocks.controller';
import { TextBlocksService } from './text-blocks.service';

export const TEXT_BLOCK_CONTROLLERS = [TextBlocksController, TextBlockSettingsController];

/**
 * Textbausteine. Approval goes through the organization's Freigabe (ApprovalVoidingModule's
 * ApprovalOpening and subject registry): TextBlockApproval registers text block versions as a
 * subject at start-up, so decisions, reminders and the inbox handle them like posts.
 */
@Module({
  imports: [CoreModule, ApprovalVoidingModule, RemindersModule],
  controllers: TEXT_BLOCK_CONTROLLERS,
  providers: [
    TextBlockRepository,
    TextBlockSearch,
    TextBlockViews,
    TextBlocksService,
    TextBlockApproval,
    TextBlockCsv,
    TextBlockStarterPack,
    TextBlockSettingsService,
    TextBlockReminderJobs,
    // Stateless; the approvals module keeps its own instances.
    ApprovalSettingsRepository,
    ApprovalViews,
  ],
})
export class TextBlocksModule {}
