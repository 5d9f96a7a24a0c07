import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormRecord, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import type { ChannelView, ChecklistItem, Planning, PostView } from '@amtsplan/contracts';
import { PLATFORM_LABELS, type PlatformId, type PostStatus, blocksApproval, checkPost, localDateOf, userMovesFrom } from '@amtsplan/domain';
import { filter, map, merge } from 'rxjs';
import { formProblemAlert } from '../../shared/http/problem-form';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { postStatusLabelKey } from '../../shared/i18n/post-status-labels';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { loadOnRequest } from '../../shared/http/load-on-request';
import type { PlanReferences } from '../plan-references';
import { type PlanningDialogData, PlanningDialog } from '../planning-dialog';
import { type PlanRights, mayEditPost } from '../post-permissions';
import { PostSaving } from '../post-saving';
import { PostsApi } from '../posts-api';
import { ApprovalPanel } from './approval-panel';
import { type ChannelText, channelCounters } from './channel-counters';
import { ChannelPreviews } from './channel-previews';
import { planningText } from './field-display';
import { LiveChecks } from './live-checks';
import { type PostFields, changesBetween, differingFields, fieldsOfPost, planningDraftOf, planningOf, withMyChanges } from './post-fields';
import { PostHistory } from './post-history';
import { PostImages } from './post-images';
import { PostDraftShare } from '../../program/cohort/post-draft-share';
import { PublicationPanel } from './publication-panel';

export interface PostEditorData {
  readonly organizationId: string;
  readonly postId: string;
  readonly references: PlanReferences;
  readonly rights: PlanRights;
  /** Tells the plan to read its posts again after a save. */
  readonly changed: () => void;
}

/** The post editor in a side sheet: every field, live counters and checks, previews, history and notes. */
@Component({
  selector: 'amt-post-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ApprovalPanel,
    ChannelPreviews,
    FieldErrorPipe,
    InlineAlert,
    LiveChecks,
    LoadStatus,
    PostDraftShare,
    PostHistory,
    PostImages,
    PublicationPanel,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './post-editor.html',
  styleUrl: './post-editor.scss',
})
export class PostEditor {
  protected readonly data = inject<PostEditorData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PostEditor>>(MatDialogRef);
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(PostsApi);
  private readonly saving = inject(PostSaving);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly separatorKeys = [ENTER, COMMA] as const;
  protected readonly references = this.data.references;
  protected readonly timeZone = this.data.references.settings.timeZone;
  protected readonly statusLabel = postStatusLabelKey;

  protected readonly form = this.formBuilder.group({
    workingTitle: ['', [Validators.required, Validators.maxLength(200)]],
    text: [''],
    channelIds: [[] as string[]],
    planningKind: ['unplanned' as Planning['kind']],
    date: [''],
    time: [''],
    topicId: this.formBuilder.control<string | null>(null),
    seriesId: this.formBuilder.control<string | null>(null),
    responsibleUserId: this.formBuilder.control<string | null>(null),
    tags: [[] as string[]],
    checklist: [[] as ChecklistItem[]],
  });
  /** Channel id → that channel's own text; a channel without an entry uses the common text. */
  protected readonly overrides = new FormRecord<FormControl<string>>({});
  protected readonly newChecklistItem = new FormControl('', { nonNullable: true });

  /** The post as last read or saved: the base every change is measured against. */
  protected readonly post = signal<PostView | null>(null);
  protected readonly loader = loadOnRequest({
    load: () => this.api.get(this.data.organizationId, this.data.postId),
  });
  private readonly formValue = toSignal(merge(this.form.valueChanges, this.overrides.valueChanges).pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);

  protected readonly editable = computed(() => {
    const post = this.post();
    return post !== null && mayEditPost(this.data.rights, post);
  });
  protected readonly moves = computed(() => {
    const post = this.post();
    return post && this.editable() ? userMovesFrom(post.status) : [];
  });
  protected readonly channelChoices = computed(() => {
    const selected = new Set(this.edited()?.variants.map((v) => v.channelId) ?? []);
    return this.references.channels.filter((channel) => channel.active || selected.has(channel.id));
  });
  protected readonly selectedChannels = computed(() => {
    const value = this.formValue();
    return (value.channelIds ?? [])
      .map((id) => this.references.channelById.get(id))
      .filter((channel): channel is ChannelView => channel !== undefined);
  });

  /** What the form says now, in the API's shape; null before the post is loaded. */
  protected readonly edited = computed<PostFields | null>(() => {
    const post = this.post();
    this.formValue();
    if (!post) return null;
    const value = this.form.getRawValue();
    const overrides = this.overrides.getRawValue();
    return {
      workingTitle: value.workingTitle.trim(),
      text: value.text,
      variants: value.channelIds.map((channelId) => ({ channelId, text: overrides[channelId] ?? null })),
      planning: planningOf({ kind: value.planningKind, date: value.date, time: value.time }, this.timeZone) ?? post.planning,
      topicId: value.topicId,
      tags: value.tags,
      responsibleUserId: value.responsibleUserId,
      checklist: value.checklist,
      seriesId: value.seriesId,
    };
  });
  protected readonly planningIncomplete = computed(() => {
    const value = this.formValue();
    return planningOf({ kind: value.planningKind ?? 'unplanned', date: value.date ?? '', time: value.time ?? '' }, this.timeZone) === null;
  });
  protected readonly dirty = computed(() => {
    const post = this.post();
    const edited = this.edited();
    return post !== null && edited !== null && differingFields(fieldsOfPost(post), edited).length > 0;
  });

  /** Each selected channel with its own text, or null where it publishes the common text. */
  private readonly channelTexts = computed<(ChannelText & { readonly channel: ChannelView })[]>(() => {
    const edited = this.edited();
    if (!edited) return [];
    const overrides = new Map(edited.variants.map((variant) => [variant.channelId, variant.text]));
    return this.selectedChannels().map((channel) => ({ channel, override: overrides.get(channel.id) ?? null }));
  });

  protected readonly counters = computed(() => {
    const edited = this.edited();
    return edited ? channelCounters(edited.text, this.channelTexts()) : [];
  });
  protected readonly findings = computed(() => {
    const edited = this.edited();
    const post = this.post();
    if (!edited || !post) return [];
    return checkPost({
      text: edited.text,
      variants: this.channelTexts().map(({ channel, override }) => ({
        channelId: channel.id,
        platform: channel.platform as PlatformId,
        text: override,
        textLimit: channel.textLimit,
      })),
      images: post.media.map((image) => ({ id: image.id, altText: image.altText })),
    });
  });
  protected readonly blocks = computed(() => blocksApproval(this.findings()));
  protected readonly previews = computed(() => {
    const edited = this.edited();
    if (!edited) return [];
    return this.channelTexts().map(({ channel, override }) => ({
      channelId: channel.id,
      channelName: channel.name,
      platformLabel: PLATFORM_LABELS[channel.platform as PlatformId],
      text: override ?? edited.text,
    }));
  });

  constructor() {
    effect(() => {
      const state = this.loader.current();
      if (state.state === 'loaded') untracked(() => this.adopt(state.value));
    });
    merge(this.dialogRef.backdropClick(), this.dialogRef.keydownEvents().pipe(filter((event) => event.key === 'Escape' && !event.defaultPrevented)))
      .pipe(map(() => undefined))
      .subscribe(() => this.requestClose());
  }

  protected hasOverride(channelId: string): boolean {
    this.formValue();
    return channelId in this.overrides.controls;
  }

  protected toggleOverride(channelId: string, on: boolean): void {
    const overrides = this.overrides;
    if (on) overrides.addControl(channelId, new FormControl(this.form.controls.text.value, { nonNullable: true }));
    else overrides.removeControl(channelId);
  }

  protected channelsChanged(): void {
    // A channel taken off the post takes its own text with it.
    const selected = new Set(this.form.controls.channelIds.value);
    for (const channelId of Object.keys(this.overrides.controls)) {
      if (!selected.has(channelId)) this.overrides.removeControl(channelId);
    }
  }

  protected addTag(event: MatChipInputEvent): void {
    const tag = event.value.trim().replace(/^#/, '');
    const tags = this.form.controls.tags.value;
    if (tag && !tags.includes(tag)) this.form.controls.tags.setValue([...tags, tag]);
    event.chipInput.clear();
  }

  protected removeTag(tag: string): void {
    this.form.controls.tags.setValue(this.form.controls.tags.value.filter((t) => t !== tag));
  }

  protected toggleChecklistItem(index: number, done: boolean): void {
    this.form.controls.checklist.setValue(this.form.controls.checklist.value.map((item, i) => (i === index ? { ...item, done } : item)));
  }

  protected addChecklistItem(): void {
    const label = this.newChecklistItem.value.trim();
    if (!label) return;
    this.form.controls.checklist.setValue([...this.form.controls.checklist.value, { label, done: false }]);
    this.newChecklistItem.setValue('');
  }

  protected removeChecklistItem(index: number): void {
    this.form.controls.checklist.setValue(this.form.controls.checklist.value.filter((_, i) => i !== index));
  }

  protected planningLabel(planning: Planning): string {
    return planningText(planning, this.timeZone, this.i18n);
  }

  protected channelName(channelId: string): string {
    return this.references.channelById.get(channelId)?.name ?? '';
  }

  protected save(): void {
    const post = this.post();
    const edited = this.edited();
    if (!post || !edited || this.pending()) return;
    if (this.form.invalid || this.planningIncomplete()) {
      this.form.markAllAsTouched();
      this.alert.set(this.i18n.t('plan.editor.incomplete'));
      return;
    }
    this.pending.set(true);
    this.alert.set(null);
    this.saving.save(this.data.organizationId, post, changesBetween(fieldsOfPost(post), edited, post.version), edited, this.references).subscribe({
      next: (result) => {
        this.pending.set(false);
        if (result.outcome === 'cancelled') return;
        this.adopt(result.post);
        this.data.changed();
        this.notice.confirm(this.i18n.t(result.outcome === 'saved' ? 'plan.editor.saved' : 'plan.editor.reloaded'));
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
      },
    });
  }

  protected move(to: PostStatus): void {
    const post = this.post();
    if (!post || this.pending()) return;
    this.pending.set(true);
    this.api.move(this.data.organizationId, post.id, { to, version: post.version }).subscribe({
      next: (moved) => {
        this.pending.set(false);
        this.adopt(moved, true);
        this.data.changed();
        this.notice.confirm(this.i18n.t('plan.editor.moved', { status: this.i18n.t(postStatusLabelKey(to)) }));
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.notice.showError(error);
      },
    });
  }

  /** The keyboard alternative to dragging: a dialog with date and time, saved at once. */
  protected replan(): void {
    const post = this.post();
    if (!post) return;
    const data: PlanningDialogData = {
      workingTitle: post.workingTitle,
      planning: post.planning,
      timeZone: this.timeZone,
      suggestedDate: localDateOf(new Date(), this.timeZone),
    };
    this.dialog
      .open<PlanningDialog, PlanningDialogData, Planning>(PlanningDialog, { data, maxWidth: '480px' })
      .afterClosed()
      .subscribe((planning) => {
        if (!planning) return;
        this.saving
          .save(this.data.organizationId, post, { version: post.version, planning }, { ...fieldsOfPost(post), planning }, this.references)
          .subscribe({
            next: (result) => {
              if (result.outcome === 'cancelled') return;
              this.adopt(result.post, true);
              this.data.changed();
              this.notice.confirm(this.i18n.t('plan.replanned', { title: post.workingTitle }));
            },
            error: (error: unknown) => this.notice.showError(error),
          });
      });
  }

  protected imagesChanged(post: PostView): void {
    this.adopt(post, true);
    this.data.changed();
  }

  protected requestClose(): void {
    if (!this.dirty()) {
      this.dialogRef.close();
      return;
    }
    const data: ConfirmDialogData = {
      title: this.i18n.t('plan.editor.discardTitle'),
      text: this.i18n.t('plan.editor.discardText'),
      confirmLabel: this.i18n.t('plan.editor.discard'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .subscribe((discard) => {
        if (discard) this.dialogRef.close();
      });
  }

  /**
   * Takes a post as the new base. `keepEdits`: the change came from elsewhere (status, images,
   * re-planning) and the person's unsaved edits of other fields stay in the form.
   */
  private adopt(post: PostView, keepEdits = false): void {
    const previous = this.post();
    const edited = this.edited();
    this.post.set(post);
    const fields = fieldsOfPost(post);
    const source = keepEdits && previous && edited ? withMyChanges(fieldsOfPost(previous), edited, fields) : fields;
    this.fill(source);
    if (this.editable()) {
      this.form.enable();
      this.overrides.enable();
    } else {
      this.form.disable();
      this.overrides.disable();
    }
  }

  private fill(fields: PostFields): void {
    const overrides = this.overrides;
    for (const key of Object.keys(overrides.controls)) overrides.removeControl(key, { emitEvent: false });
    for (const variant of fields.variants) {
      if (variant.text !== null) overrides.addControl(variant.channelId, new FormControl(variant.text, { nonNullable: true }), { emitEvent: false });
    }
    const planning = planningDraftOf(fields.planning, this.timeZone);
    this.form.patchValue({
      workingTitle: fields.workingTitle,
      text: fields.text,
      channelIds: fields.variants.map((v) => v.channelId),
      planningKind: planning.kind,
      date: planning.date,
      time: planning.time,
      topicId: fields.topicId,
      seriesId: fields.seriesId,
      responsibleUserId: fields.responsibleUserId,
      tags: [...fields.tags],
      checklist: [...fields.checklist],
    });
    this.form.markAsPristine();
  }
}
