import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { forkJoin, map } from 'rxjs';
import { loadOnRequest } from '../shared/http/load-on-request';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { ExercisePanel } from '../program/exercise-panel';
import { ChannelsApi } from '../settings/channels/channels-api';
import { ApprovalInboxList } from './approval-inbox-list';
import { ApprovalsApi } from './approvals-api';

/**
 * The personal Freigaben inbox in three sections, one below the other rather than in tabs: on
 * a phone three tab labels do not fit side by side, and scrolling down is what leadership does
 * there anyway. What waits for the reader comes first.
 */
@Component({
  selector: 'amt-approvals-inbox-page',
  imports: [ApprovalInboxList, ExercisePanel, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'approvals.heading' | t }}</h1>
    @defer (on idle) {
      <amt-exercise-panel class="program-panel" [orgId]="orgId()" area="freigaben" />
    }
    @let state = inbox.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="inbox.reload()" />
    } @else {
      @let view = state.value.inbox;
      <section class="section" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{{ 'approvals.waitingForMe' | t }} ({{ view.waitingForMe.length }})</h2>
        <amt-approval-inbox-list [organizationId]="orgId()" [items]="view.waitingForMe" [channels]="state.value.channels" empty="approvals.emptyWaiting" />
      </section>
      <section class="section" aria-labelledby="submitted-heading">
        <h2 id="submitted-heading">{{ 'approvals.submittedByMe' | t }} ({{ view.submittedByMe.length }})</h2>
        <amt-approval-inbox-list [organizationId]="orgId()" [items]="view.submittedByMe" [channels]="state.value.channels" empty="approvals.emptySubmitted" />
      </section>
      <section class="section" aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{{ 'approvals.overdue' | t }} ({{ view.overdue.length }})</h2>
        <amt-approval-inbox-list [organizationId]="orgId()" [items]="view.overdue" [channels]="state.value.channels" empty="approvals.emptyOverdue" />
      </section>
    }
  `,
  styles: `
    .program-panel {
      display: block;
      max-width: 40rem;
      margin-bottom: 24px;
    }
    .section {
      margin-bottom: 24px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
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
}
