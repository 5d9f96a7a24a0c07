import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventView } from '@amtsplan/contracts';
import { map } from 'rxjs';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { AuditApi } from './audit-api';
import { auditActionLabelKey, auditDetailsSummary } from './audit-event-labels';

const PAGE_SIZES = [25, 50, 100];

interface Page {
  readonly index: number;
  readonly size: number;
}

@Component({
  selector: 'amt-audit-log-page',
  imports: [MatPaginatorModule, MatTableModule, DateTimePipe, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log-page.html',
  styles: `
    .audit-table {
      min-width: 720px;
    }
    .audit-table__time {
      white-space: nowrap;
    }
  `,
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly log = loadOnRequest({
    params: () => this.orgId(),
    load: (organizationId) =>
      this.api
        .list(organizationId)
        // Newest first, whatever order the API chose: people look for what just happened.
        .pipe(map((events): readonly AuditEventView[] => [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)))),
  });
  protected readonly pageSizes = PAGE_SIZES;
  /** Back to the first page whenever the log is read again; the chosen page size stays. */
  protected readonly page = linkedSignal<unknown, Page>({
    source: this.log.current,
    computation: (_log, previous) => ({ index: 0, size: previous?.value.size ?? PAGE_SIZES[0] }),
  });
  protected readonly columns = ['occurredAt', 'action', 'actor', 'details'];
  protected readonly actionLabelKey = auditActionLabelKey;

  protected readonly visibleEvents = computed(() => {
    const log = this.log.current();
    if (log.state !== 'loaded') return [];
    const { index, size } = this.page();
    return log.value.slice(index * size, (index + 1) * size);
  });

  protected detailsSummary(details: AuditEventView['details']): string {
    return auditDetailsSummary(details, this.i18n);
  }

  protected changePage(event: PageEvent): void {
    this.page.set({ index: event.pageIndex, size: event.pageSize });
  }
}
