import type { Routes } from '@angular/router';
import { pageTitle } from '../shared/routing/page-title';
import { CrisisOverviewPage } from './crisis-overview-page';
import { INCIDENT_SEGMENT, PLAYBOOK_SEGMENT } from './crisis-paths';
import { IncidentPage } from './incident-page';
import { PlaybookEditorPage } from './playbook-editor-page';

export const crisisRoutes: Routes = [
  { path: '', component: CrisisOverviewPage },
  { path: `${PLAYBOOK_SEGMENT}/:playbookId`, title: pageTitle('crisis.editor.heading'), component: PlaybookEditorPage },
  { path: `${INCIDENT_SEGMENT}/:incidentId`, title: pageTitle('crisis.incidents'), component: IncidentPage },
];
