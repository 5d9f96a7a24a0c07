import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ChannelView, InboxItemDetail, InboxItemSummary } from '@amtsplan/contracts';
import { forkJoin } from 'rxjs';
import { Session } from '../auth/session';
import { ChannelsApi } from '../settings/channels/channels-api';
import { MembersApi } from '../settings/members/members-api';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { CaptureDialog, type CaptureDialogData } from './capture-dialog';
import { COMMUNITY_DASHBOARD_PATH, COMMUNITY_SETTINGS_PATH } from './community-paths';
import { EvidenceDialog, type EvidenceDialogData } from './evidence-dialog';
import { ForwardDialog, type ForwardDialogData } from './forward-dialog';
import { InboxApi, type InboxFilter } from './inbox-api';
import { InboxItemPanel } from './inbox-item-panel';
import { ExercisePanel } from '../program/exercise-panel';
import { CATEGORY_LABEL, CATEGORY_ORDER, STATUS_LABEL } from './inbox-labels';

/** Keys of the list's keyboard flow; documented on the page (community.shortcuts.*). */
const CATEGORY_KEYS = ['1', '2', '3', '4', '5', '6', '7'];

/**
 * The Posteingang: filters, the list and the selected item side by side (one below the other
 * on a phone). The keyboard drives everything: j/k or the arrow keys move through the list,
 * single keys act on the selected item, and none of them fires while typing in a field.
 */
@Component({
  selector: 'amt-inbox-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, InboxItemPanel, TranslatePipe, DateTimePipe, ExercisePanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page', '(document:keydown)': 'onKey($event)' },
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.scss',
})
export class InboxPage {
  private readonly api = inject(InboxApi);
  private readonly channelsApi = inject(ChannelsApi);
  private readonly membersApi = inject(MembersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notice = inject(ProblemNotice);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly dashboardPath = COMMUNITY_DASHBOARD_PATH;
  protected readonly settingsPath = COMMUNITY_SETTINGS_PATH;
  protected readonly categories = CATEGORY_ORDER;
  protected readonly categoryLabel = CATEGORY_LABEL;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly statuses = Object.keys(STATUS_LABEL) as Array<keyof typeof STATUS_LABEL>;

  protected filter: { status: string; category: string; channelId: string; assignee: string; olderThanHours: string; q: string } = {
    status: 'open',
    category: '',
    channelId: '',
    assignee: '',
    olderThanHours: '',
    q: '',
  };
  protected readonly items = signal<InboxItemSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly selectedIndex = signal(0);
  protected readonly detail = signal<InboxItemDetail | null>(null);
  protected readonly channels = signal<ChannelView[]>([]);
  protected readonly userId = computed(() => this.session.me()?.user.id ?? '');
  protected readonly canWork = computed(() => this.session.allows(this.orgId(), 'inbox.work'));
  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'inbox.manage'));
  protected readonly selected = computed(() => this.items()[this.selectedIndex()] ?? null);

  private readonly panel = viewChild(InboxItemPanel);
  private readonly search = viewChild<ElementRef<HTMLInputElement>>('search');
  private readonly list = viewChild<ElementRef<HTMLElement>>('list');

  constructor() {
    queueMicrotask(() => {
      this.load();
      this.channelsApi.list(this.orgId()).subscribe((channels) => this.channels.set(channels));
    });
  }

  protected load(more = false): void {
    this.loading.set(true);
    const filter: InboxFilter = { ...this.filter };
    this.api.list(this.orgId(), filter, more ? this.nextCursor() : null).subscribe({
      next: (page) => {
        this.items.set(more ? [...this.items(), ...page.items] : page.items);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        if (!more) this.select(Math.min(this.selectedIndex(), Math.max(0, page.items.length - 1)), false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.notice.showError(error);
      },
    });
  }

  protected select(index: number, focus = true): void {
    const item = this.items()[index];
    this.selectedIndex.set(index);
    if (!item) {
      this.detail.set(null);
      return;
    }
    if (focus) this.list()?.nativeElement.querySelectorAll<HTMLElement>('[data-item]')[index]?.focus();
    this.api.item(this.orgId(), item.id).subscribe({ next: (detail) => this.detail.set(detail), error: (error: unknown) => this.notice.showError(error) });
  }

  protected changed(item: InboxItemDetail): void {
    this.detail.set(item);
    this.items.update((items) => items.map((i) => (i.id === item.id ? { ...i, ...item } : i)));
  }

  protected capture(): void {
    // Focus goes to the new item in the list, not back to where it was before the dialog.
    const ref = this.dialog.open<CaptureDialog, CaptureDialogData, InboxItemDetail>(CaptureDialog, { data: { organizationId: this.orgId(), channels: this.channels() }, restoreFocus: false });
    ref.afterClosed().subscribe((item) => {
      if (!item) return;
      this.notice.confirm(this.i18n.t('community.capture.saved'));
      this.items.update((items) => [item, ...items]);
      this.selectedIndex.set(0);
      this.detail.set(item);
      setTimeout(() => this.list()?.nativeElement.querySelector<HTMLElement>('[data-item]')?.focus());
    });
  }

  private forwardLoading = false;

  protected forward(): void {
    const item = this.detail();
    // The dialog needs the departments and people first; a second w while they load opens nothing more.
    if (!item || this.forwardLoading) return;
    this.forwardLoading = true;
    forkJoin([this.api.settings(this.orgId()), this.membersApi.list(this.orgId())]).subscribe({
      next: ([settings, members]) => {
        this.forwardLoading = false;
        const ref = this.dialog.open<ForwardDialog, ForwardDialogData, InboxItemDetail>(ForwardDialog, {
          data: { organizationId: this.orgId(), item, departments: settings.departments, members: members.filter((m) => m.role === 'contributor') },
        });
        ref.afterClosed().subscribe((updated) => {
          if (updated) {
            this.changed(updated);
            this.notice.confirm(this.i18n.t('community.forward.done'));
          }
        });
      },
      error: (error: unknown) => {
        this.forwardLoading = false;
        this.notice.showError(error);
      },
    });
  }

  protected secureEvidence(): void {
    const item = this.detail();
    if (!item) return;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    const ref = this.dialog.open<EvidenceDialog, EvidenceDialogData, InboxItemDetail>(EvidenceDialog, { data: { organizationId: this.orgId(), item, today } });
    ref.afterClosed().subscribe((updated) => {
      if (updated) {
        this.changed(updated);
        this.notice.confirm(this.i18n.t('community.evidence.done'));
      }
    });
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || this.dialog.openDialogs.length) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"], mat-select, [role="listbox"], [role="combobox"]')) return;
    const panel = this.panel();
    const key = event.key;
    let handled = true;
    if (key === 'j' || key === 'ArrowDown') this.select(Math.min(this.selectedIndex() + 1, this.items().length - 1));
    else if (key === 'k' || key === 'ArrowUp') this.select(Math.max(this.selectedIndex() - 1, 0));
    else if (key === 'n' && this.canWork()) this.capture();
    else if (key === '/') this.search()?.nativeElement.focus();
    else if (!panel || !this.canWork()) handled = false;
    else if (key === 'a') panel.assignToMe();
    else if (key === 'r') panel.focusReply();
    else if (key === 'w') this.forward();
    else if (key === 'e') panel.closeWithoutReply();
    else if (key === 'b' && this.detail()?.category === 'hate') this.secureEvidence();
    else if (CATEGORY_KEYS.includes(key)) panel.categorise(CATEGORY_ORDER[Number(key) - 1]);
    else handled = false;
    if (handled) event.preventDefault();
  }
}
