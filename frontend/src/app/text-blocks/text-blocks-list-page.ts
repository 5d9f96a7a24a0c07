import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { TextBlockCategoryView, TextBlockHit, TextBlockListQuery } from '@amtsplan/contracts';
import { TEXT_BLOCK_STATUSES } from '@amtsplan/contracts';
import { catchError, debounceTime, of, switchMap } from 'rxjs';
import { Session } from '../auth/session';
import { ProblemNotice } from '../shared/http/problem-notice';
import { problemOf } from '../shared/http/problem';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { organizationUrl } from '../shared/routing/paths';
import { TextBlockPickerTrigger } from './picker';
import { ExercisePanel } from '../program/exercise-panel';
import { TEXT_BLOCK_STATUS_KEYS } from './text-block-labels';
import { TextBlocksApi } from './text-blocks-api';
import { TEXT_BLOCKS_PATH } from './text-blocks-paths';

/**
 * The organization's text blocks: search as you type (short code first), filters, CSV export
 * and import, the starter pack for admins, and the way into the editor.
 */
@Component({
  selector: 'amt-text-blocks-list-page',
  imports: [RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, DateTimePipe, InlineAlert, TextBlockPickerTrigger, TranslatePipe, ExercisePanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  templateUrl: './text-blocks-list-page.html',
  styleUrl: './text-blocks-list-page.scss',
})
export class TextBlocksListPage {
  private readonly api = inject(TextBlocksApi);
  private readonly session = inject(Session);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly statuses = TEXT_BLOCK_STATUSES;
  protected readonly statusKeys = TEXT_BLOCK_STATUS_KEYS;
  protected readonly filters = signal<TextBlockListQuery>({});
  protected readonly hits = signal<TextBlockHit[] | null>(null);
  protected readonly categories = signal<TextBlockCategoryView[]>([]);
  protected readonly tags = computed(() => [...new Set((this.hits() ?? []).flatMap((h) => h.tags))].sort());
  protected readonly canWrite = computed(() => this.session.allows(this.orgId(), 'textBlocks.write'));
  protected readonly canLoadStarterPack = computed(() => this.session.allows(this.orgId(), 'organization.settings.manage'));
  /** The title of the block last inserted into the try-out box. */
  protected readonly lastPicked = signal<string | null>(null);
  protected readonly importErrors = signal<Array<{ path: string; message: string }>>([]);
  protected readonly newLink = computed(() => organizationUrl(this.orgId(), TEXT_BLOCKS_PATH, 'neu'));
  private readonly reloads = signal(0);

  constructor() {
    toObservable(computed(() => ({ orgId: this.orgId(), filters: this.filters(), reload: this.reloads() })))
      .pipe(
        debounceTime(150),
        switchMap(({ orgId, filters }) => this.api.search(orgId, { ...filters, for: 'list' }).pipe(catchError((error: unknown) => (this.notice.showError(error), of([]))))),
        takeUntilDestroyed(),
      )
      .subscribe((hits) => this.hits.set(hits));
    toObservable(this.orgId)
      .pipe(
        switchMap((orgId) => this.api.categories(orgId).pipe(catchError(() => of([])))),
        takeUntilDestroyed(),
      )
      .subscribe((categories) => this.categories.set(categories));
  }

  protected link(hit: TextBlockHit): string[] {
    return organizationUrl(this.orgId(), TEXT_BLOCKS_PATH, hit.id);
  }

  protected setFilter<K extends keyof TextBlockListQuery>(key: K, value: TextBlockListQuery[K] | ''): void {
    this.filters.update((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  }

  protected exportCsv(): void {
    this.api.exportCsv(this.orgId()).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = 'textbausteine.csv';
        a.click();
        URL.revokeObjectURL(url);
      },
      error: (error: unknown) => this.notice.showError(error),
    });
  }

  protected async importCsv(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    (event.target as HTMLInputElement).value = '';
    if (!file) return;
    this.importErrors.set([]);
    this.api.importCsv(this.orgId(), await file.text()).subscribe({
      next: (result) => {
        this.notice.confirm(this.i18n.t('textBlocks.csv.imported', { created: result.created, updated: result.updated }));
        this.reloads.update((n) => n + 1);
      },
      error: (error: unknown) => {
        const problem = problemOf(error);
        if (problem?.errors?.length) this.importErrors.set([...problem.errors]);
        else this.notice.showError(error);
      },
    });
  }

  protected loadStarterPack(): void {
    this.api.loadStarterPack(this.orgId()).subscribe({
      next: (result) => {
        this.notice.confirm(this.i18n.t('textBlocks.starterPack.loaded', { created: result.created, skipped: result.skipped }));
        this.reloads.update((n) => n + 1);
      },
      error: (error: unknown) => this.notice.showError(error),
    });
  }
}
