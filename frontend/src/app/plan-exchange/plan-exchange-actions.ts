import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import type { PostListQuery } from '@amtsplan/contracts';
import { from, switchMap } from 'rxjs';
import { Session } from '../auth/session';
import { ProblemNotice } from '../shared/http/problem-notice';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import type { PlanImportDialogData } from './plan-import-dialog';
import { planExportUrl } from './plan-exchange-api';

/** "Importieren" and "Exportieren" for the plan's toolbar; the export takes the filters on screen. */
@Component({
  selector: 'amt-plan-exchange-actions',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canImport()) {
      <button mat-stroked-button type="button" (click)="openImport()">
        <mat-icon aria-hidden="true" fontIcon="upload_file" />
        {{ 'exchange.import.open' | t }}
      </button>
    }
    <button mat-stroked-button type="button" [matMenuTriggerFor]="exportMenu">
      <mat-icon aria-hidden="true" fontIcon="download" />
      {{ 'exchange.export.open' | t }}
    </button>
    <mat-menu #exportMenu="matMenu">
      <a mat-menu-item [href]="xlsxUrl()" download>{{ 'exchange.export.xlsx' | t }}</a>
      <a mat-menu-item [href]="csvUrl()" download>{{ 'exchange.export.csv' | t }}</a>
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class PlanExchangeActions {
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  private readonly notice = inject(ProblemNotice);

  readonly orgId = input.required<string>();
  /** The range and filters the plan shows right now. */
  readonly query = input<PostListQuery>({});
  /** Emits the number of posts an import created, so the plan can reload. */
  readonly imported = output<number>();

  protected readonly canImport = computed(() => this.session.allows(this.orgId(), 'posts.plan'));
  protected readonly xlsxUrl = computed(() => planExportUrl(this.orgId(), 'xlsx', this.query()));
  protected readonly csvUrl = computed(() => planExportUrl(this.orgId(), 'csv', this.query()));

  /** The import dialog's code is loaded when it is opened: the plan page is drawn without it. */
  protected openImport(): void {
    from(import('./plan-import-dialog'))
      .pipe(
        switchMap(({ PlanImportDialog }) =>
          this.dialog
            .open<InstanceType<typeof PlanImportDialog>, PlanImportDialogData, number>(PlanImportDialog, {
              data: { organizationId: this.orgId() },
              width: '960px',
              maxWidth: '96vw',
              autoFocus: 'first-tabbable',
            })
            .afterClosed(),
        ),
      )
      .subscribe({
        next: (created) => {
          if (created) this.imported.emit(created);
        },
        error: (error: unknown) => this.notice.showError(error),
      });
  }
}
