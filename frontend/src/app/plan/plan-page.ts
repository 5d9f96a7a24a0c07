import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, Router } from '@angular/router';
import type { Planning, PostView, SeriesSlotView } from '@amtsplan/contracts';
import { PLANNING_HORIZON_DAYS, type PublicHoliday, addCalendarDays, isBundesland, localDateOf, publicHolidays, zonedLocalToUtc } from '@amtsplan/domain';
import { type Observable, forkJoin, map, of } from 'rxjs';
import { Session } from '../auth/session';
import { loadOnRequest } from '../shared/http/load-on-request';
import { describeFailure } from '../shared/http/problem';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { postStatusLabelKey } from '../shared/i18n/post-status-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { SeriesApi } from '../settings/series/series-api';
import { BacklogList } from './backlog-list';
import { type BacklogDrop, type PlanDrop, PlanCalendar, type ShownDays } from './calendar/plan-calendar';
import { type ColourBy, type PlanEvent, holidayEvents, openSlotEvents, postEvent } from './calendar/plan-events';
import { storeColourBy, storedColourBy } from './colour-preference';
import { type PostEditorData, PostEditor } from './editor/post-editor';
import { fieldsOfPost } from './editor/post-fields';
import { type PlanFilters, type PlanLocation, type PlanView, planQueryParams, readPlanLocation, sameFilters } from './plan-location';
import { PlanFilterBar } from './plan-filter-bar';
import { type PlanReferences, PlanReferencesApi } from './plan-references';
import { type PlanningDialogData, PlanningDialog } from './planning-dialog';
import { type SlotActivation, PlanningView } from './planning-view';
import { type PlanRights, mayEditPost } from './post-permissions';
import { PlanExchangeActions } from '../plan-exchange/plan-exchange-actions';
import { backlogQuery, plannedPostsQuery } from './post-query';
import { PostSaving } from './post-saving';
import { PostsApi } from './posts-api';
import { type QuickCreateData, QuickCreateDialog } from './quick-create-dialog';
import { type SlotDialogData, SlotDialog } from './slot-dialog';

interface PlanWindow {
  readonly posts: readonly PostView[];
  readonly slots: readonly SeriesSlotView[];
}

const EMPTY_WINDOW: PlanWindow = { posts: [], slots: [] };

@Component({
  selector: 'amt-plan-page',
  imports: [
    PlanExchangeActions,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    BacklogList,
    LoadStatus,
    PlanCalendar,
    PlanFilterBar,
    PlanningView,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-page.html',
  styleUrl: './plan-page.scss',
})
export class PlanPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  private readonly postsApi = inject(PostsApi);
  private readonly seriesApi = inject(SeriesApi);
  private readonly saving = inject(PostSaving);
  private readonly referencesApi = inject(PlanReferencesApi);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;

  readonly orgId = input.required<string>();

  protected readonly location = toSignal(
    this.route.queryParamMap.pipe(map((params) => readPlanLocation(Object.fromEntries(params.keys.map((key) => [key, params.get(key) ?? undefined]))))),
    { requireSync: true },
  );
  protected readonly rights = computed<PlanRights>(() => ({
    plan: this.session.allows(this.orgId(), 'posts.plan'),
    propose: this.session.allows(this.orgId(), 'posts.propose'),
    userId: this.session.me()?.user.id ?? null,
  }));
  protected readonly canCreate = computed(() => this.rights().propose);
  protected readonly mayEdit = computed(() => {
    const rights = this.rights();
    return (post: PostView) => mayEditPost(rights, post);
  });

  protected readonly references = loadOnRequest({
    params: () => this.orgId(),
    load: (organizationId) => this.referencesApi.load(organizationId),
  });
  private readonly loadedReferences = computed(() => {
    const state = this.references.current();
    return state.state === 'loaded' ? state.value : null;
  });
  protected readonly timeZone = computed(() => this.loadedReferences()?.settings.timeZone ?? 'Europe/Berlin');
  protected readonly today = computed(() => localDateOf(new Date(), this.timeZone()));

  protected readonly colourBy = signal<ColourBy>(storedColourBy(this.storage));
  private readonly shownDays = signal<ShownDays | null>(null);

  /**
   * The filters and days the posts are loaded for. Both keep their value while only the open
   * post or the focused day in the URL changes, so opening the editor does not read the plan again.
   */
  protected readonly filters = computed(() => this.location().filters, { equal: sameFilters });
  /** The days whose posts are loaded: the calendar's range, or four weeks from today. */
  private readonly window = computed(
    () => {
      if (this.location().view === 'planung') return { from: this.today(), to: addCalendarDays(this.today(), PLANNING_HORIZON_DAYS) };
      const shown = this.shownDays();
      return shown ? { from: shown.from, to: shown.to } : null;
    },
    { equal: (a, b) => a?.from === b?.from && a?.to === b?.to },
  );

  /** What "Exportieren" downloads: the days and filters on screen. */
  protected readonly exportQuery = computed(() => {
    const window = this.window();
    const filters = this.filters();
    if (!window) return plannedPostsQuery(filters, { from: '', to: '' });
    const zone = this.timeZone();
    return plannedPostsQuery(filters, {
      from: zonedLocalToUtc(`${window.from}T00:00`, zone).toISOString(),
      to: zonedLocalToUtc(`${window.to}T00:00`, zone).toISOString(),
    });
  });

  protected readonly planned = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), window: this.window(), filters: this.filters(), timeZone: this.timeZone(), ready: this.loadedReferences() !== null }),
    load: ({ organizationId, window, filters, timeZone, ready }) => (window && ready ? this.loadWindow(organizationId, window, filters, timeZone) : of(EMPTY_WINDOW)),
  });
  protected readonly backlog = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), filters: this.filters() }),
    load: ({ organizationId, filters }) => this.postsApi.list(organizationId, backlogQuery(filters)),
  });

  protected readonly plannedWindow = computed(() => {
    const state = this.planned.current();
    return state.state === 'loaded' ? state.value : EMPTY_WINDOW;
  });
  protected readonly backlogPosts = computed(() => {
    const state = this.backlog.current();
    return state.state === 'loaded' ? state.value : [];
  });

  protected readonly holidays = computed<PublicHoliday[]>(() => {
    const references = this.loadedReferences();
    const window = this.window();
    if (!references || !window || !isBundesland(references.settings.bundesland)) return [];
    const years = new Set([Number(window.from.slice(0, 4)), Number(window.to.slice(0, 4))]);
    return [...years].flatMap((year) => publicHolidays(references.settings.bundesland, year));
  });

  protected readonly events = computed<PlanEvent[]>(() => {
    const references = this.loadedReferences();
    if (!references) return [];
    const { posts, slots } = this.plannedWindow();
    const context = {
      timeZone: references.settings.timeZone,
      colourBy: this.colourBy(),
      channels: references.channelById,
      topics: references.topicById,
      statusLabel: (status: PostView['status']) => this.i18n.t(postStatusLabelKey(status)),
      mayReplan: this.mayEdit(),
    };
    return [
      ...posts.map((post) => postEvent(post, context)).filter((event): event is PlanEvent => event !== null),
      ...openSlotEvents(slots, references.seriesById, references.settings.timeZone, (series) => this.i18n.t('plan.openSlot', { series })),
      ...holidayEvents(this.holidays()),
    ];
  });

  private editor: { postId: string; ref: MatDialogRef<PostEditor> } | null = null;
  private confirmationForEditor: string | null = null;

  constructor() {
    // The URL decides which post is open, so a link from the iCal feed opens it too.
    effect(() => {
      const postId = this.location().postId;
      const references = this.loadedReferences();
      untracked(() => this.syncEditor(postId, references));
    });
  }

  protected showView(view: PlanView): void {
    this.navigate({ view });
  }

  protected changeFilters(filters: PlanFilters): void {
    this.navigate({ filters });
  }

  protected changeColourBy(colourBy: ColourBy): void {
    this.colourBy.set(colourBy);
    storeColourBy(this.storage, colourBy);
  }

  protected shownDaysChanged(shown: ShownDays): void {
    this.shownDays.set(shown);
    if (this.location().date !== shown.focus) this.navigate({ date: shown.focus }, true);
  }

  /** `confirmation`: announced once the editor is open, so its backdrop does not cover the message. */
  protected openPost(postId: string, confirmation: string | null = null): void {
    this.confirmationForEditor = confirmation;
    this.navigate({ postId });
  }

  protected quickCreate(date: string | null): void {
    const references = this.loadedReferences();
    if (!references || !this.canCreate()) return;
    const data: QuickCreateData = {
      organizationId: this.orgId(),
      date,
      timeZone: references.settings.timeZone,
      channels: references.channels.filter((channel) => channel.active),
    };
    this.dialog
      .open<QuickCreateDialog, QuickCreateData, PostView>(QuickCreateDialog, { data, maxWidth: '560px' })
      .afterClosed()
      .subscribe((post) => {
        if (!post) return;
        this.reloadPlan();
        this.openPost(post.id, this.i18n.t('plan.created', { title: post.workingTitle }));
      });
  }

  protected activateSlot(slot: SlotActivation): void {
    const data: SlotDialogData = { organizationId: this.orgId(), ...slot, canFill: this.rights().plan };
    this.dialog
      .open<SlotDialog, SlotDialogData, PostView>(SlotDialog, { data, maxWidth: '520px' })
      .afterClosed()
      .subscribe((post) => {
        if (!post) return;
        this.reloadPlan();
        this.openPost(post.id, this.i18n.t('plan.slotFilled', { title: post.workingTitle }));
      });
  }

  protected postDropped(drop: PlanDrop): void {
    const post = this.plannedWindow().posts.find((candidate) => candidate.id === drop.postId);
    if (!post) {
      drop.revert();
      return;
    }
    this.replan(post, drop.planning, drop.revert);
  }

  protected backlogDropped(drop: BacklogDrop): void {
    const post = this.backlogPosts().find((candidate) => candidate.id === drop.postId);
    if (post) this.replan(post, drop.planning, () => undefined);
  }

  protected scheduleFromBacklog(post: PostView): void {
    const data: PlanningDialogData = {
      workingTitle: post.workingTitle,
      planning: post.planning,
      timeZone: this.timeZone(),
      suggestedDate: this.location().date ?? this.today(),
    };
    this.dialog
      .open<PlanningDialog, PlanningDialogData, Planning>(PlanningDialog, { data, maxWidth: '480px' })
      .afterClosed()
      .subscribe((planning) => {
        if (planning) this.replan(post, planning, () => undefined);
      });
  }

  private replan(post: PostView, planning: Planning, revert: () => void): void {
    const references = this.loadedReferences();
    if (!references) return;
    const mine = { ...fieldsOfPost(post), planning };
    this.saving.save(this.orgId(), post, { version: post.version, planning }, mine, references).subscribe({
      next: (result) => {
        if (result.outcome === 'saved') {
          this.notice.confirm(this.i18n.t('plan.replanned', { title: post.workingTitle }));
        } else {
          revert();
        }
        this.reloadPlan();
      },
      error: (error: unknown) => {
        revert();
        this.notice.showErrorText(`${this.i18n.t('plan.replanFailed', { title: post.workingTitle })} ${describeFailure(error, this.i18n)}`);
        this.reloadPlan();
      },
    });
  }

  protected reloadPlan(): void {
    this.planned.reload();
    this.backlog.reload();
  }

  private loadWindow(organizationId: string, window: { from: string; to: string }, filters: PlanFilters, timeZone: string): Observable<PlanWindow> {
    const range = {
      from: zonedLocalToUtc(`${window.from}T00:00`, timeZone).toISOString(),
      to: zonedLocalToUtc(`${window.to}T00:00`, timeZone).toISOString(),
    };
    return forkJoin({
      posts: this.postsApi.list(organizationId, plannedPostsQuery(filters, range)),
      // Slots belong to a series; with a series filter only that series' slots are of interest.
      slots: this.seriesApi
        .slots(organizationId, range.from, range.to)
        .pipe(map((slots) => (filters.seriesId ? slots.filter((slot) => slot.seriesId === filters.seriesId) : slots))),
    });
  }

  private syncEditor(postId: string | null, references: PlanReferences | null): void {
    if (this.editor && this.editor.postId !== postId) {
      const open = this.editor;
      this.editor = null;
      open.ref.close();
    }
    if (!postId || !references || this.editor) return;
    const data: PostEditorData = {
      organizationId: this.orgId(),
      postId,
      references,
      rights: this.rights(),
      changed: () => this.reloadPlan(),
    };
    const ref = this.dialog.open<PostEditor, PostEditorData>(PostEditor, {
      data,
      panelClass: 'plan-editor-panel',
      position: { right: '0', top: '0' },
      height: '100dvh',
      width: '720px',
      maxWidth: '100vw',
      maxHeight: '100dvh',
      disableClose: true,
      autoFocus: 'first-heading',
      ariaLabelledBy: 'post-editor-heading',
    });
    this.editor = { postId, ref };
    const confirmation = this.confirmationForEditor;
    this.confirmationForEditor = null;
    if (confirmation) ref.afterOpened().subscribe(() => this.notice.confirm(confirmation));
    ref.afterClosed().subscribe(() => {
      if (this.editor?.ref === ref) {
        this.editor = null;
        this.navigate({ postId: null });
      }
    });
  }

  private navigate(change: Partial<PlanLocation>, replaceUrl = false): void {
    const next = { ...this.location(), ...change };
    void this.router.navigate([], { relativeTo: this.route, queryParams: planQueryParams(next), queryParamsHandling: 'merge', replaceUrl });
  }
}
