import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import type { Member } from '@amtsplan/contracts';
import type { OrganizationRole } from '@amtsplan/domain';
import { roleLabelKey } from '../../shared/i18n/role-labels';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import type { StepGroup } from './route-form';

/** The fields of one step of a Freigaberoute, in a fieldset with its position and move/remove buttons. */
@Component({
  selector: 'amt-route-step-fields',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatRadioModule, MatSelectModule, FieldErrorPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="step" [formGroup]="step()">
      <legend>{{ 'approvalRoutes.step.legend' | t: { number: index() + 1 } }}</legend>
      <div class="step__fields">
        <mat-form-field>
          <mat-label>{{ 'approvalRoutes.step.name' | t }}</mat-label>
          <input matInput formControlName="name" required autocomplete="off" />
          <mat-error>{{ step().controls.name.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-radio-group formControlName="approverKind" class="step__kinds" [attr.aria-label]="'approvalRoutes.step.approvers' | t">
          <mat-radio-button value="role">{{ 'approvalRoutes.step.byRole' | t }}</mat-radio-button>
          <mat-radio-button value="users">{{ 'approvalRoutes.step.byPeople' | t }}</mat-radio-button>
        </mat-radio-group>
        @if (step().controls.approverKind.value === 'role') {
          <mat-form-field>
            <mat-label>{{ 'approvalRoutes.step.role' | t }}</mat-label>
            <mat-select formControlName="role">
              @for (role of decidingRoles(); track role) {
                <mat-option [value]="role">{{ roleKey(role) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>{{ 'approvalRoutes.step.people' | t }}</mat-label>
            <mat-select formControlName="userIds" multiple>
              @for (member of deciders(); track member.user.id) {
                <mat-option [value]="member.user.id">{{ member.user.displayName }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ step().controls.userIds.errors | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'approvalRoutes.step.mode' | t }}</mat-label>
          <mat-select formControlName="mode">
            <mat-option value="any">{{ 'approvals.mode.any' | t }}</mat-option>
            <mat-option value="all">{{ 'approvals.mode.all' | t }}</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'approvalRoutes.step.deputy' | t }}</mat-label>
          <mat-select formControlName="deputyUserId">
            <mat-option [value]="null">{{ 'approvalRoutes.step.noDeputy' | t }}</mat-option>
            @for (member of deciders(); track member.user.id) {
              <mat-option [value]="member.user.id">{{ member.user.displayName }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'approvalRoutes.step.deputyHint' | t }}</mat-hint>
        </mat-form-field>
        <div class="step__due">
          <mat-form-field class="step__hours">
            <mat-label>{{ 'approvalRoutes.step.hours' | t }}</mat-label>
            <input matInput type="number" min="1" max="2160" formControlName="dueHours" required />
            <mat-error>{{ step().controls.dueHours.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'approvalRoutes.step.dueKind' | t }}</mat-label>
            <mat-select formControlName="dueKind">
              <mat-option value="after_submission">{{ 'approvalRoutes.step.afterSubmission' | t }}</mat-option>
              <mat-option value="before_planned">{{ 'approvalRoutes.step.beforePlanned' | t }}</mat-option>
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'approvalRoutes.step.skip' | t }}</mat-label>
          <mat-select formControlName="skipWhenSubmittedBy" multiple>
            @for (role of allRoles(); track role) {
              <mat-option [value]="role">{{ roleKey(role) | t }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'approvalRoutes.step.skipHint' | t }}</mat-hint>
        </mat-form-field>
      </div>
      <div class="step__buttons">
        <button mat-button type="button" [disabled]="index() === 0" (click)="move.emit(-1)">
          <mat-icon aria-hidden="true">arrow_upward</mat-icon>{{ 'approvalRoutes.step.up' | t }}
        </button>
        <button mat-button type="button" [disabled]="last()" (click)="move.emit(1)">
          <mat-icon aria-hidden="true">arrow_downward</mat-icon>{{ 'approvalRoutes.step.down' | t }}
        </button>
        <button mat-button type="button" [disabled]="index() === 0 && last()" (click)="remove.emit()">
          <mat-icon aria-hidden="true">delete</mat-icon>{{ 'approvalRoutes.step.remove' | t: { number: index() + 1 } }}
        </button>
      </div>
    </fieldset>
  `,
  styles: `
    .step {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      padding: 8px 16px 12px;
      margin: 0;
      min-width: 0;
    }
    .step__fields {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      align-items: flex-start;
    }
    .step__fields > mat-form-field {
      flex: 1 1 220px;
    }
    .step__kinds {
      flex-basis: 100%;
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    .step__due {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      flex: 1 1 100%;
    }
    .step__due > mat-form-field {
      flex: 1 1 200px;
    }
    .step__due > .step__hours {
      flex: 0 1 120px;
    }
    .step__buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
  `,
})
export class RouteStepFields {
  readonly step = input.required<StepGroup>();
  readonly index = input.required<number>();
  readonly last = input.required<boolean>();
  readonly deciders = input.required<readonly Member[]>();
  readonly decidingRoles = input.required<readonly OrganizationRole[]>();
  readonly allRoles = input.required<readonly OrganizationRole[]>();
  readonly move = output<-1 | 1>();
  readonly remove = output<void>();

  protected readonly roleKey = roleLabelKey;
}
