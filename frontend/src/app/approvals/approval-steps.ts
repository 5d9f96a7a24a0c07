import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { ApprovalStepProgressView, PersonRef } from '@amtsplan/contracts';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { DECIDED_KEYS, MODE_KEYS, STEP_STATUS_KEYS } from './approval-labels';

/** The route's steps of one request: status, due time, who may decide and who decided. */
@Component({
  selector: 'amt-approval-steps',
  imports: [MatIconModule, DateTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="steps">
      @for (step of steps(); track step.index) {
        <li class="step" [class.step--open]="step.status === 'open'" [class.step--overdue]="step.overdue">
          <p class="step__title">
            <strong>{{ step.index + 1 }}. {{ step.name }}</strong>
            <span class="step__status">{{ statusKeys[step.status] | t }}</span>
          </p>
          <p class="step__line">{{ 'approvals.steps.approvers' | t: { names: names(step.approvers) } }} · {{ modeKeys[step.mode] | t }}</p>
          @if (step.deputy; as deputy) {
            <p class="step__line">{{ 'approvals.steps.deputy' | t: { name: deputy.displayName } }}</p>
          }
          @if (step.status === 'open' || step.status === 'waiting') {
            <p class="step__line" [class.step__overdue]="step.overdue">
              @if (step.overdue) {
                <mat-icon aria-hidden="true" fontIcon="schedule" />
                {{ 'approvals.steps.overdue' | t: { time: (step.dueAt | dateTime) } }}
              } @else {
                {{ 'approvals.steps.due' | t: { time: (step.dueAt | dateTime) } }}
              }
            </p>
          }
          @for (decision of step.decisions; track decision.user.id) {
            <p class="step__line step__decision">
              {{ 'approvals.steps.decidedBy' | t: { decision: (decidedKeys[decision.kind] | t), name: decision.user.displayName, time: (decision.decidedAt | dateTime) } }}
              @if (decision.asDeputy) {
                {{ 'approvals.steps.asDeputy' | t }}
              }
              @if (decision.selfApproval) {
                {{ 'approvals.steps.selfApproval' | t }}
              }
            </p>
            @if (decision.comment) {
              <blockquote class="step__comment">{{ decision.comment }}</blockquote>
            }
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .steps {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .step {
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      border-radius: var(--mat-sys-corner-extra-small);
    }
    .step--open {
      border-left-color: var(--mat-sys-primary);
    }
    .step--overdue {
      border-left-color: var(--mat-sys-error);
    }
    .step__title {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 12px;
      margin: 0 0 4px;
    }
    .step__status {
      font: var(--mat-sys-label-large);
    }
    .step__line {
      margin: 0;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .step__overdue {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .step__overdue mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .step__comment {
      margin: 4px 0 0;
      padding: 4px 8px;
      border-left: 2px solid var(--mat-sys-outline);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class ApprovalSteps {
  readonly steps = input.required<readonly ApprovalStepProgressView[]>();

  protected readonly statusKeys = STEP_STATUS_KEYS;
  protected readonly modeKeys = MODE_KEYS;
  protected readonly decidedKeys = DECIDED_KEYS;

  protected names(people: readonly PersonRef[]): string {
    return people.map((p) => p.displayName).join(', ') || '–';
  }
}
