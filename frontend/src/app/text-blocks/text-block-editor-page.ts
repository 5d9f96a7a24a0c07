import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { TextBlockView } from '@amtsplan/contracts';
import { BUILT_IN_PLACEHOLDER_LABELS, BUILT_IN_PLACEHOLDERS, channelFits, PLATFORM_IDS, PLATFORM_LABELS, roleAllows } from '@amtsplan/domain';
import { forkJoin, map, of, startWith } from 'rxjs';
import { Session } from '../auth/session';
import { MembersApi } from '../settings/members/members-api';
import { loadOnRequest } from '../shared/http/load-on-request';
import { applyProblemToForm } from '../shared/http/problem-form';
import { ProblemNotice } from '../shared/http/problem-notice';
import { problemOf } from '../shared/http/problem';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { organizationUrl } from '../shared/routing/paths';
import { APPROVALS_PATH } from '../approvals/approvals-paths';
import { TEXT_BLOCK_STATUS_KEYS, TEXT_BLOCK_VERSION_STATUS_KEYS } from './text-block-labels';
import { createTextBlockRequest, fillTextBlockForm, textBlockForm, updateTextBlockRequest } from './text-block-form';
import { TextBlocksApi } from './text-blocks-api';
import { TEXT_BLOCKS_PATH } from './text-blocks-paths';
import { TextBlockShare } from '../program/cohort/text-block-share';

/**
 * Creates or edits a text block: title, short code, Sie/Du text with placeholders, category,
 * channels with a length check per channel, tags, owner, validity and review date; then submits
 * the version for approval. While a newer version is in approval the approved one stays in use,
 * and the page says so.
 */
@Component({
  selector: 'amt-text-block-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    DateTimePipe,
    FieldErrorPipe,
    LoadStatus,
    TranslatePipe,
    TextBlockShare,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  templateUrl: './text-block-editor-page.html',
  styleUrl: './text-block-editor-page.scss',
})
export class TextBlockEditorPage {
  private readonly api = inject(TextBlocksApi);
  private readonly membersApi = inject(MembersApi);
  private readonly session = inject(Session);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);

  readonly orgId = input.required<string>();
  readonly textBlockId = input<string>();

  protected readonly form = textBlockForm();
  protected readonly platforms = PLATFORM_IDS;
  protected readonly platformLabels = PLATFORM_LABELS;
  protected readonly statusKeys = TEXT_BLOCK_STATUS_KEYS;
  protected readonly versionStatusKeys = TEXT_BLOCK_VERSION_STATUS_KEYS;
  protected readonly pending = signal(false);
  protected readonly block = signal<TextBlockView | null>(null);
  protected readonly backLink = computed(() => organizationUrl(this.orgId(), TEXT_BLOCKS_PATH));
  protected readonly canWrite = computed(() => this.session.allows(this.orgId(), 'textBlocks.write'));

  protected readonly page = loadOnRequest({
    params: () => ({ orgId: this.orgId(), id: this.textBlockId() ?? null }),
    load: ({ orgId, id }) =>
      forkJoin([
        id ? this.api.get(orgId, id) : of(null),
        this.api.categories(orgId),
        this.api.settings(orgId),
        this.membersApi.list(orgId).pipe(map((members) => members.filter((m) => roleAllows(m.role, 'textBlocks.write')))),
      ]).pipe(map(([block, categories, settings, owners]) => ({ block, categories, settings, owners }))),
  });

  private readonly value = toSignal(this.form.valueChanges.pipe(startWith(this.form.getRawValue()), map(() => this.form.getRawValue())), { initialValue: this.form.getRawValue() });
  protected readonly placeholders = computed(() => {
    const state = this.page.current();
    const own = state.state === 'loaded' ? state.value.settings.placeholders : [];
    return [...BUILT_IN_PLACEHOLDERS.map((key) => ({ key, label: BUILT_IN_PLACEHOLDER_LABELS[key], defaultValue: null as string | null })), ...own];
  });
  /** Every written form against every chosen channel (all channels when none is chosen). */
  protected readonly fits = computed(() => {
    const v = this.value();
    const state = this.page.current();
    const own = state.state === 'loaded' ? state.value.settings.placeholders : [];
    const chosen = v.platforms.length ? v.platforms : PLATFORM_IDS;
    return channelFits({ sie: v.body.sie || null, du: v.body.du || null }, chosen, own);
  });
  protected readonly approvalLink = computed(() => {
    const id = this.block()?.latest.approvalRequestId;
    return id ? organizationUrl(this.orgId(), APPROVALS_PATH, id) : null;
  });
  protected readonly canSubmit = computed(() => {
    const block = this.block();
    return !!block && ['draft', 'changes_requested', 'rejected'].includes(block.latest.status) && this.canWrite();
  });

  constructor() {
    effect(() => {
      const state = this.page.current();
      if (state.state !== 'loaded') return;
      this.block.set(state.value.block);
      if (state.value.block) fillTextBlockForm(this.form, state.value.block);
      else if (!this.form.controls.categoryId.value && state.value.categories[0]) this.form.controls.categoryId.setValue(state.value.categories[0].id);
    });
    this.form.statusChanges.pipe(takeUntilDestroyed()).subscribe();
  }

  protected save(): void {
    if (this.pending()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.pending.set(true);
    const block = this.block();
    const request = block ? this.api.update(this.orgId(), block.id, updateTextBlockRequest(this.form, block.version)) : this.api.create(this.orgId(), createTextBlockRequest(this.form));
    request.subscribe({
      next: (saved) => {
        this.pending.set(false);
        this.block.set(saved);
        fillTextBlockForm(this.form, saved);
        this.notice.confirm(this.i18n.t('textBlocks.editor.saved'));
        if (!block) void this.router.navigate(organizationUrl(this.orgId(), TEXT_BLOCKS_PATH, saved.id), { replaceUrl: true });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected submit(): void {
    const block = this.block();
    if (!block || this.pending()) return;
    this.pending.set(true);
    this.api.submit(this.orgId(), block.id, block.version).subscribe({
      next: (request) => {
        this.pending.set(false);
        this.notice.confirm(this.i18n.t(request.status === 'approved' ? 'textBlocks.editor.approvedAtOnce' : 'textBlocks.editor.submitted'));
        this.page.reload();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.pending.set(false);
    const problem = problemOf(error);
    if (problem?.status === 409) {
      this.notice.showErrorText(this.i18n.t('textBlocks.editor.stale'));
      this.page.reload();
      return;
    }
    if (problem?.errors?.length && applyProblemToForm(this.form, problem).length === 0) return;
    this.notice.showError(error);
  }
}
