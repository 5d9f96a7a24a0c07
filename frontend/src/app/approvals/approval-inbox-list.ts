import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ApprovalInboxItem, ChannelView } from '@amtsplan/contracts';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import type { PlainMessageKey } from '../shared/i18n/translate';
import { organizationUrl } from '../shared/routing/paths';
import { REQUEST_STATUS_KEYS } from './approval-labels';
import { APPROVALS_PATH } from './approvals-paths';
import { dueUrgency } from './due-display';

/** One section of the Freigaben inbox: a card per request, linking to its decision page. */
@Component({
  selector: 'amt-approval-inbox-list',
  imports: [MatIconModule, RouterLink, DateTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="amt-muted">{{ empty() | t }}</p>
    } @else {
      <ul class="items">
        @for (row of rows(); track row.item.requestId) {
          <li class="item" [class.item--overdue]="row.urgency === 'overdue'" [class.item--soon]="row.urgency === 'soon'">
            <div class="item__head">
              <a class="item__link" [routerLink]="row.link">{{ row.item.workingTitle }}</a>
              <span class="item__status">{{ statusKeys[row.item.status] | t }}</span>
            </div>
            @if (row.item.subjectType === 'text_block') {
              <p class="item__line item__kind"><mat-icon aria-hidden="true" fontIcon="article" />{{ 'approvals.item.textBlock' | t }}</p>
            } @else if (row.item.subjectType === 'inbox_reply') {
              <p class="item__line item__kind"><mat-icon aria-hidden="true" fontIcon="forum" />{{ 'approvals.item.inboxReply' | t }}</p>
            } @else if (row.item.subjectType === 'playbook') {
              <p class="item__line item__kind"><mat-icon aria-hidden="true" fontIcon="crisis_alert" />{{ 'approvals.item.playbook' | t }}</p>
            } @else {
              @if (row.channels) {
                <p class="item__line">{{ 'approvals.item.channels' | t: { channels: row.channels } }}</p>
              }
              <p class="item__line">
                @if (row.item.plannedAt; as plannedAt) {
                  {{ 'approvals.item.planned' | t: { time: (plannedAt | dateTime) } }}
                } @else {
                  {{ 'approvals.item.unplanned' | t }}
                }
              </p>
            }
            @if (row.item.currentStep; as step) {
              <p class="item__line">{{ 'approvals.item.step' | t: { step: step.name } }}</p>
              <p class="item__line item__due">
                @if (row.urgency === 'overdue') {
                  <mat-icon aria-hidden="true" fontIcon="schedule" />
                  {{ 'approvals.item.overdueSince' | t: { time: (step.dueAt | dateTime) } }}
                } @else {
                  {{ 'approvals.item.due' | t: { time: (step.dueAt | dateTime) } }}
                }
              </p>
            } @else if (row.item.closedAt; as closedAt) {
              <p class="item__line">{{ 'approvals.item.closed' | t: { time: (closedAt | dateTime) } }}</p>
            }
            <p class="item__line amt-muted">
              {{ 'approvals.item.submitted' | t: { name: row.item.submittedBy.displayName, time: (row.item.submittedAt | dateTime) } }}
            </p>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 12px;
    }
    .item {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-left-width: 4px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
    }
    .item--soon {
      border-left-color: var(--mat-sys-tertiary);
    }
    .item--overdue {
      border-left-color: var(--mat-sys-error);
    }
    .item__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: baseline;
      gap: 4px 12px;
      margin-bottom: 4px;
    }
    .item__link {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
      /* A comfortable target on a phone (WCAG 2.5.8). */
      display: inline-block;
      min-height: 24px;
    }
    .item__status {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .item__line {
      margin: 0;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .item--overdue .item__due {
      display: flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .item__kind {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .item__due mat-icon,
    .item__kind mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
  `,
})
export class ApprovalInboxList {
  readonly organizationId = input.required<string>();
  readonly items = input.required<readonly ApprovalInboxItem[]>();
  readonly channels = input.required<ReadonlyMap<string, ChannelView>>();
  readonly empty = input.required<PlainMessageKey>();

  protected readonly statusKeys = REQUEST_STATUS_KEYS;
  protected readonly rows = computed(() => {
    const now = new Date();
    return this.items().map((item) => ({
      item,
      link: organizationUrl(this.organizationId(), APPROVALS_PATH, item.requestId),
      channels: item.channelIds.map((id) => this.channels().get(id)?.name ?? '').filter(Boolean).join(', '),
      urgency: item.currentStep ? dueUrgency(item.currentStep.dueAt, now, item.overdue) : null,
    }));
  });
}
