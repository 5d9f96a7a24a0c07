import type { Routes } from '@angular/router';
import { requirePermission } from '../auth/auth.guards';
import { pageTitle } from '../shared/routing/page-title';
import { TextBlockSettingsPage } from './text-block-settings-page';
import { TEXT_BLOCK_SETTINGS_PATH } from './text-blocks-paths';
import { TextBlockEditorPage } from './text-block-editor-page';
import { TextBlocksListPage } from './text-blocks-list-page';

export const textBlocksRoutes: Routes = [
  { path: '', component: TextBlocksListPage },
  {
    path: TEXT_BLOCK_SETTINGS_PATH,
    title: pageTitle('textBlocks.settings.heading'),
    canActivate: [requirePermission('organization.settings.manage', '')],
    component: TextBlockSettingsPage,
  },
  { path: 'neu', title: pageTitle('textBlocks.editor.newTitle'), component: TextBlockEditorPage },
  { path: ':textBlockId', title: pageTitle('textBlocks.editor.title'), component: TextBlockEditorPage },
];
