import type { TextBlockView } from '@amtsplan/contracts';
import type { PlainMessageKey } from '../shared/i18n/translate';

export const TEXT_BLOCK_STATUS_KEYS: { readonly [S in TextBlockView['status']]: PlainMessageKey } = {
  draft: 'textBlocks.status.draft',
  in_approval: 'textBlocks.status.in_approval',
  approved: 'textBlocks.status.approved',
  approved_new_in_approval: 'textBlocks.status.approved_new_in_approval',
  approved_new_draft: 'textBlocks.status.approved_new_draft',
  changes_requested: 'textBlocks.status.changes_requested',
  rejected: 'textBlocks.status.rejected',
  expired: 'textBlocks.status.expired',
};

export const TEXT_BLOCK_VERSION_STATUS_KEYS: { readonly [S in TextBlockView['latest']['status']]: PlainMessageKey } = {
  draft: 'textBlocks.status.draft',
  in_approval: 'textBlocks.status.in_approval',
  approved: 'textBlocks.status.approved',
  changes_requested: 'textBlocks.status.changes_requested',
  rejected: 'textBlocks.status.rejected',
};
