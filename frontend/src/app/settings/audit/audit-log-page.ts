import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventView } from '@amtsplan/contracts';
import { type Observable, catchError, map, of, switchMap } from 'rxjs';
import { describeFailure } from '../../shared/http/problem-notice';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { AuditApi } from './audit-api';
import { auditActionLabelKey, auditDetailsSummary } from './audit-event-labels';

type AuditLog =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'loaded'; readonly events: readonly AuditEventView[] };

const PAGE_SIZES = [25, 50, 100];

@Component({
  selector: 'amt-audit-log-page',
  imports: [
    MatButtonModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    DateTimePipe,
    InlineAlert,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log-page.html',
  styles: `
    .audit-table {
      min-width: 720px;
    }
  `,
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  private readonly reloads = signal(0);
  protected readonly log = signal<AuditLog>({ state: 'loading' });
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly page = signal<{ readonly index: number; readonly size: number }>({ index: 0, size: PAGE_SIZES[0] });
  protected readonly columns = ['occurredAt', 'action', 'actor', 'details'];
  protected readonly actionLabelKey = auditActionLabelKey;
  protected readonly detailsSummary = auditDetailsSummary;

  protected readonly visibleEvents = computed(() => {
    const log = this.log();
    if (log.state !== 'loaded') return [];
    const { index, size } = this.page();
    return log.events.slice(index * size, (index + 1) * size);
  });

  constructor() {
    const request = computed(() => ({ organizationId: this.orgId(), reload: this.reloads() }));
    toObservable(request)
      .pipe(
        switchMap(({ organizationId }) => this.fetch(organizationId)),
        takeUntilDestroyed(),
      )
      .subscribe((log) => {
        this.log.set(log);
        this.page.update((page) => ({ ...page, index: 0 }));
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected changePage(event: PageEvent): void {
    this.page.set({ index: event.pageIndex, size: event.pageSize });
  }

  private fetch(organizationId: string): Observable<AuditLog> {
    return this.api.list(organizationId).pipe(
      // Newest first, whatever order the API chose: people look for what just happened.
      map((events): AuditLog => ({ state: 'loaded', events: [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)) })),
      catchError((error: unknown) => of<AuditLog>({ state: 'failed', message: describeFailure(error, this.i18n) })),
    );
  }
}
