import type { Routes } from '@angular/router';
import { pageTitle } from '../shared/routing/page-title';
import { TextBlockEditorPage } from './text-block-editor-page';
import { TextBlocksListPage } from './text-blocks-list-page';

export const textBlocksRoutes: Routes = [
  { path: '', component: TextBlocksListPage },
  { path: 'neu', title: pageTitle('textBlocks.editor.newTitle'), component: TextBlockEditorPage },
  { path: ':textBlockId', title: pageTitle('textBlocks.editor.title'), component: TextBlockEditorPage },
];
