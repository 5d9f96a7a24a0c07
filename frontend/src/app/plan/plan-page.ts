import { CrisisStatus } from '../crisis/crisis-status';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import type { MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, Router } from '@angular/router';
import type { PlanEntryView, Planning } from '@amtsplan/contracts';
import { type PublicHoliday, isBundesland, localDateOf, publicHolidays, zonedLocalToUtc } from '@amtsplan/domain';
import { map } from 'rxjs';
import { Session } from '../auth/session';
import { loadOnRequest } from '../shared/http/load-on-request';
import { describeFailure } from '../shared/http/problem';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { postStatusLabelKey } from '../shared/i18n/post-status-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { BacklogList } from './backlog-list';
import { type BacklogDrop, type PlanDrop, PlanCalendar, type ShownDays } from './calendar/plan-calendar';
import { type ColourBy, type PlanEvent, holidayEvents, openSlotEvents, postEvent } from './calendar/plan-events';
import { storeColourBy, storedColourBy } from './colour-preference';
import type { PostEditor, PostEditorData } from './editor/post-editor';
import { type PlanFilters, type PlanLocation, type PlanView, planQueryParams, readPlanLocation, sameFilters } from './plan-location';
import { PlanFilterBar } from './plan-filter-bar';
import { ASSUMED_TIME_ZONE } from './plan-first-reads';
import { followPlanChanges } from './plan-live-updates';
import { type PlanWindow, PlanReads, samePlanEntries, samePlanWindow } from './plan-reads';
import type { PlanReferences } from './plan-references';
import type { PlanningDialogData } from './planning-dialog';
import { type SlotActivation, PlanningView } from './planning-view';
import { type PlanRights, mayEditPost } from './post-permissions';
import { PlanExchangeActions } from '../plan-exchange/plan-exchange-actions';
import { ExercisePanel } from '../program/exercise-panel';
import { PlanDialogs } from './plan-dialogs';
import { plannedPostsQuery } from './post-query';
import { PostSaving } from './post-saving';
import type { QuickCreateData } from './quick-create-dialog';
import { daysAt, sameDays } from './shown-days';
import type { SlotDialogData } from './slot-dialog';

const EMPTY_WINDOW: PlanWindow = { entries: [], slots: [] };

@Component({
  selector: 'amt-plan-page',
  imports: [
    PlanExchangeActions,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    BacklogList,
    ExercisePanel,
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
  private readonly dialogs = inject(PlanDialogs);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  private readonly crisisStatus = inject(CrisisStatus);
  private readonly reads = inject(PlanReads);
  private readonly saving = inject(PostSaving);
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
    return (entry: PlanEntryView) => mayEditPost(rights, entry);
  });

  protected readonly references = loadOnRequest({
    params: () => this.orgId(),
    load: (organizationId) => this.reads.references(organizationId),
  });
  private readonly loadedReferences = computed(() => {
    const state = this.references.current();
    return state.state === 'loaded' ? state.value : null;
  });
  protected readonly timeZone = computed(() => this.loadedReferences()?.settings.timeZone ?? ASSUMED_TIME_ZONE);
  protected readonly today = computed(() => localDateOf(new Date(), this.timeZone()));

  protected readonly colourBy = signal<ColourBy>(storedColourBy(this.storage));
  /** What the calendar reported last, and for which of its views. */
  private readonly shownDays = signal<(ShownDays & { readonly view: PlanView }) | null>(null);

  /**
   * The filters and days the posts are loaded for. Both keep their value while only the open
   * post or the focused day in the URL changes, so opening the editor does not read the plan again.
   */
  protected readonly filters = computed(() => this.location().filters, { equal: sameFilters });
  /**
   * The days whose entries are loaded: four weeks from today, or the days the calendar shows.
   * Until the calendar has reported them, the URL tells (see daysAt), so the entries are
   * asked for together with the references instead of after the calendar's first drawing.
   */
  private readonly window = computed(
    () => {
      const location = this.location();
      const shown = location.view === 'planung' ? null : this.shownDays();
      if (shown && shown.view === location.view) return { from: shown.from, to: shown.to };
      return daysAt(location, this.today());
    },
    { equal: sameDays },
  );

  /** What "Exportieren" downloads: the days and filters on screen. */
  protected readonly exportQuery = computed(() => {
    const window = this.window();
    const filters = this.filters();
    const zone = this.timeZone();
    return plannedPostsQuery(filters, {
      from: zonedLocalToUtc(`${window.from}T00:00`, zone).toISOString(),
      to: zonedLocalToUtc(`${window.to}T00:00`, zone).toISOString(),
    });
  });

  protected readonly planned = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), window: this.window(), filters: this.filters() }),
    load: ({ organizationId, window, filters }) => this.reads.window(organizationId, window, filters),
  });
  protected readonly backlog = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), filters: this.filters() }),
    load: ({ organizationId, filters }) => this.reads.backlog(organizationId, filters),
  });

  /**
   * Equal answers keep the value (and so the calendar's events) as they are: the live refresh
   * (followPlanChanges) reads the plan again for every change in the organization, most of them
   * outside the days on screen.
   */
  protected readonly plannedWindow = computed(
    () => {
      const state = this.planned.current();
      return state.state === 'loaded' ? state.value : EMPTY_WINDOW;
    },
    { equal: samePlanWindow },
  );
  protected readonly backlogEntries = computed(
    () => {
      const state = this.backlog.current();
      return state.state === 'loaded' ? state.value : [];
    },
    { equal: samePlanEntries },
  );
  /** A post is being dragged in the calendar (live refreshes wait for the drop). */
  protected readonly dragging = signal(false);

  protected readonly holidays = computed<PublicHoliday[]>(() => {
    const references = this.loadedReferences();
    const window = this.window();
    if (!references || !isBundesland(references.settings.bundesland)) return [];
    const years = new Set([Number(window.from.slice(0, 4)), Number(window.to.slice(0, 4))]);
    return [...years].flatMap((year) => publicHolidays(references.settings.bundesland, year));
  });

  protected readonly events = computed<PlanEvent[]>(() => {
    const references = this.loadedReferences();
    if (!references) return [];
    const { entries, slots } = this.plannedWindow();
    const context = {
      timeZone: references.settings.timeZone,
      colourBy: this.colourBy(),
      channels: references.channelById,
      topics: references.topicById,
      statusLabel: (status: PlanEntryView['status']) => this.i18n.t(postStatusLabelKey(status)),
      mayReplan: this.mayEdit(),
    };
    return [
      ...entries
        .map((entry) => postEvent(entry, this.paused(entry) ? { ...context, statusLabel: () => this.i18n.t('plan.paused') } : context))
        .filter((event): event is PlanEvent => event !== null),
      ...openSlotEvents(slots, references.seriesById, references.settings.timeZone, (series) => this.i18n.t('plan.openSlot', { series })),
      ...holidayEvents(this.holidays()),
    ];
  });

  /**
   * Held back by the Kommunikationsstopp: due and still scheduled while the stop is active, or
   * left paused when it was lifted (the crisis banner's status says whether a stop is active).
   */
  private paused(entry: PlanEntryView): boolean {
    if (entry.pausedAt) return true;
    const crisis = this.crisisStatus.current();
    const stopActive = crisis?.orgId === this.orgId() && crisis.status.stop !== null;
    return stopActive && entry.status === 'scheduled' && entry.planning.kind === 'time' && new Date(entry.planning.at).getTime() <= Date.now();
  }

  /** The open editor; `ref` is null while its code is loading. */
  private editor: { postId: string; ref: MatDialogRef<PostEditor> | null } | null = null;
  private confirmationForEditor: string | null = null;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
    followPlanChanges({ organizationId: this.orgId, held: this.dragging, refresh: () => this.reloadPlan() });
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
    this.shownDays.set({ ...shown, view: this.location().view });
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
    this.dialogs.quickCreate(data).subscribe({
      next: (post) => {
        if (!post) return;
        this.reloadPlan();
        this.openPost(post.id, this.i18n.t('plan.created', { title: post.workingTitle }));
      },
      error: (error: unknown) => this.notice.showError(error),
    });
  }

  protected activateSlot(slot: SlotActivation): void {
    const data: SlotDialogData = { organizationId: this.orgId(), ...slot, canFill: this.rights().plan };
    this.dialogs.slot(data).subscribe({
      next: (post) => {
        if (!post) return;
        this.reloadPlan();
        this.openPost(post.id, this.i18n.t('plan.slotFilled', { title: post.workingTitle }));
      },
      error: (error: unknown) => this.notice.showError(error),
    });
  }

  protected postDropped(drop: PlanDrop): void {
    const entry = this.plannedWindow().entries.find((candidate) => candidate.id === drop.postId);
    if (!entry) {
      drop.revert();
      return;
    }
    this.replan(entry, drop.planning, drop.revert);
  }

  protected backlogDropped(drop: BacklogDrop): void {
    const entry = this.backlogEntries().find((candidate) => candidate.id === drop.postId);
    if (entry) this.replan(entry, drop.planning, () => undefined);
  }

  protected scheduleFromBacklog(entry: PlanEntryView): void {
    const data: PlanningDialogData = {
      workingTitle: entry.workingTitle,
      planning: entry.planning,
      timeZone: this.timeZone(),
      suggestedDate: this.location().date ?? this.today(),
    };
    this.dialogs.planning(data).subscribe({
      next: (planning) => {
        if (planning) this.replan(entry, planning, () => undefined);
      },
      error: (error: unknown) => this.notice.showError(error),
    });
  }

  private replan(entry: PlanEntryView, planning: Planning, revert: () => void): void {
    const references = this.loadedReferences();
    if (!references) return;
    this.saving.replan(this.orgId(), entry, planning, references).subscribe({
      next: (result) => {
        if (result.outcome === 'saved') {
          this.notice.confirm(this.i18n.t('plan.replanned', { title: entry.workingTitle }));
        } else {
          revert();
        }
        this.reloadPlan();
      },
      error: (error: unknown) => {
        revert();
        this.notice.showErrorText(`${this.i18n.t('plan.replanFailed', { title: entry.workingTitle })} ${describeFailure(error, this.i18n)}`);
        this.reloadPlan();
      },
    });
  }

  protected reloadPlan(): void {
    this.planned.reload();
    this.backlog.reload();
  }

  private syncEditor(postId: string | null, references: PlanReferences | null): void {
    if (this.editor && this.editor.postId !== postId) {
      const open = this.editor;
      this.editor = null;
      // Still loading: it is not opened once its code has arrived (see `stillWanted`).
      open.ref?.close();
    }
    if (!postId || !references || this.editor) return;
    const data: PostEditorData = {
      organizationId: this.orgId(),
      postId,
      references,
      rights: this.rights(),
      changed: () => this.reloadPlan(),
    };
    const editor: { postId: string; ref: MatDialogRef<PostEditor> | null } = { postId, ref: null };
    this.editor = editor;
    const confirmation = this.confirmationForEditor;
    this.confirmationForEditor = null;
    this.dialogs.editor(data, () => this.editor === editor && !this.destroyed).then(
      (ref) => {
        if (!ref) return;
        editor.ref = ref;
        if (confirmation) ref.afterOpened().subscribe(() => this.notice.confirm(confirmation));
        ref.afterClosed().subscribe(() => {
          if (this.editor === editor) {
            this.editor = null;
            this.navigate({ postId: null });
          }
        });
      },
      (error: unknown) => {
        if (this.editor === editor) this.editor = null;
        this.notice.showError(error);
      },
    );
  }

  private navigate(change: Partial<PlanLocation>, replaceUrl = false): void {
    const next = { ...this.location(), ...change };
    void this.router.navigate([], { relativeTo: this.route, queryParams: planQueryParams(next), queryParamsHandling: 'merge', replaceUrl });
  }
}
