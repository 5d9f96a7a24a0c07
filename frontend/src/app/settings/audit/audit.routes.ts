import { MatPaginatorIntl } from '@angular/material/paginator';
import type { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../../shared/i18n/paginator-intl';
import { AuditLogPage } from './audit-log-page';

export const auditRoutes: Routes = [
  {
    path: '',
    // Provided here, with the only paginator, so the paginator code stays out of the first download.
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    component: AuditLogPage,
  },
];
