import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { forkJoin, map } from 'rxjs';
import { loadOnRequest } from '../shared/http/load-on-request';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { ChannelsApi } from '../settings/channels/channels-api';
import { ApprovalInboxList } from './approval-inbox-list';
import { ApprovalsApi } from './approvals-api';

/**
 * The personal Freigaben inbox in three tabs. The first tab with something in it is selected,
 * so leadership opening the page on a phone sees their work without a tap.
 */
@Component({
  selector: 'amt-approvals-inbox-page',
  imports: [MatTabsModule, ApprovalInboxList, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'approvals.heading' | t }}</h1>
    @let state = inbox.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="inbox.reload()" />
    } @else {
      @let view = state.value.inbox;
      <mat-tab-group [selectedIndex]="firstFilled()" mat-stretch-tabs="false" [attr.aria-label]="'approvals.sections' | t">
        <mat-tab [label]="('approvals.waitingForMe' | t) + ' (' + view.waitingForMe.length + ')'">
          <div class="tab">
            <amt-approval-inbox-list [organizationId]="orgId()" [items]="view.waitingForMe" [channels]="state.value.channels" empty="approvals.emptyWaiting" />
          </div>
        </mat-tab>
        <mat-tab [label]="('approvals.submittedByMe' | t) + ' (' + view.submittedByMe.length + ')'">
          <div class="tab">
            <amt-approval-inbox-list [organizationId]="orgId()" [items]="view.submittedByMe" [channels]="state.value.channels" empty="approvals.emptySubmitted" />
          </div>
        </mat-tab>
        <mat-tab [label]="('approvals.overdue' | t) + ' (' + view.overdue.length + ')'">
          <div class="tab">
            <amt-approval-inbox-list [organizationId]="orgId()" [items]="view.overdue" [channels]="state.value.channels" empty="approvals.emptyOverdue" />
          </div>
        </mat-tab>
      </mat-tab-group>
    }
  `,
  styles: `
    .tab {
      padding-top: 16px;
    }
  `,
})
export class ApprovalsInboxPage {
  private readonly api = inject(ApprovalsApi);
  private readonly channelsApi = inject(ChannelsApi);

  readonly orgId = input.required<string>();

  protected readonly inbox = loadOnRequest({
    params: () => this.orgId(),
    load: (id) =>
      forkJoin([this.api.inbox(id), this.channelsApi.list(id)]).pipe(
        map(([inbox, channels]) => ({ inbox, channels: new Map(channels.map((c) => [c.id, c])) })),
      ),
  });

  protected readonly firstFilled = computed(() => {
    const state = this.inbox.current();
    if (state.state !== 'loaded') return 0;
    const { waitingForMe, submittedByMe, overdue } = state.value.inbox;
    const index = [waitingForMe, submittedByMe, overdue].findIndex((list) => list.length > 0);
    return Math.max(index, 0);
  });
}
