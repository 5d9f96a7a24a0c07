import { ChangeDetectionStrategy, Component, ElementRef, inject, input, model, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ChannelView, InboxCategory, InboxPriority, Member, RoutingRuleView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';
import { applyProblemToForm, SERVER_ERROR } from '../shared/http/problem-form';
import { problemOf } from '../shared/http/problem';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InboxApi } from './inbox-api';
import { CATEGORY_LABEL, CATEGORY_ORDER } from './inbox-labels';

const PRIORITIES: readonly InboxPriority[] = ['low', 'normal', 'high'];
const PRIORITY_LABEL = { low: 'community.priority.low', normal: 'community.priority.normal', high: 'community.priority.high' } as const;

/**
 * The routing rules of the Posteingang: list in the order they apply, create, edit (409 when
 * someone else changed the rule meanwhile), move up and down, delete. Field errors from the
 * server are shown at their field.
 */
@Component({
  selector: 'amt-routing-rules-section',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{{ 'community.rules.heading' | t }}</h2>
      <p>{{ 'community.rules.explain' | t }}</p>
      <ol class="rules" aria-labelledby="rules-heading">
        @for (rule of rules(); track rule.id; let first = $first, last = $last) {
          <li [class.inactive]="!rule.active">
            <span class="describe">
              <span class="position">{{ $index + 1 }}.</span> {{ describe(rule) }}
              @if (!rule.active) {
                <em>({{ 'community.rules.inactive' | t }})</em>
              }
            </span>
            <span class="buttons">
              <button mat-icon-button type="button" [disabled]="first || busy()" (click)="move(rule, -1)" [attr.aria-label]="'community.rules.up' | t: { n: $index + 1 }">
                <mat-icon aria-hidden="true">arrow_upward</mat-icon>
              </button>
              <button mat-icon-button type="button" [disabled]="last || busy()" (click)="move(rule, 1)" [attr.aria-label]="'community.rules.down' | t: { n: $index + 1 }">
                <mat-icon aria-hidden="true">arrow_downward</mat-icon>
              </button>
              <button mat-button type="button" [disabled]="busy()" (click)="edit(rule)" [attr.aria-label]="'community.rules.editNamed' | t: { n: $index + 1 }">{{ 'community.rules.edit' | t }}</button>
              <button mat-button type="button" [disabled]="busy()" (click)="remove(rule)" [attr.aria-label]="'community.rules.deleteNamed' | t: { n: $index + 1 }">{{ 'community.rules.delete' | t }}</button>
            </span>
          </li>
        } @empty {
          <li>{{ 'community.rules.empty' | t }}</li>
        }
      </ol>

      <form [formGroup]="form" (ngSubmit)="save()" aria-labelledby="rule-form-heading">
        <h3 id="rule-form-heading" #formHeading tabindex="-1">{{ (editing() ? 'community.rules.editHeading' : 'community.rules.add') | t: { n: editingPosition() } }}</h3>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'community.rules.matchKind' | t }}</mat-label>
            <mat-select formControlName="matchKind">
              <mat-option value="keyword">{{ 'community.rules.byKeyword' | t }}</mat-option>
              <mat-option value="channel">{{ 'community.rules.byChannel' | t }}</mat-option>
            </mat-select>
          </mat-form-field>
          @if (form.controls.matchKind.value === 'keyword') {
            <mat-form-field>
              <mat-label>{{ 'community.rules.keyword' | t }}</mat-label>
              <input matInput formControlName="keyword" />
              @if (form.controls.keyword.hasError(serverError)) {
                <mat-error>{{ form.controls.keyword.getError(serverError) }}</mat-error>
              }
            </mat-form-field>
          } @else {
            <mat-form-field>
              <mat-label>{{ 'community.filter.channel' | t }}</mat-label>
              <mat-select formControlName="channelId">
                @for (channel of channels(); track channel.id) {
                  <mat-option [value]="channel.id">{{ channel.name }}</mat-option>
                }
              </mat-select>
              @if (form.controls.channelId.hasError(serverError)) {
                <mat-error>{{ form.controls.channelId.getError(serverError) }}</mat-error>
              }
            </mat-form-field>
          }
        </div>
        <p class="then">{{ 'community.rules.then' | t }}</p>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'community.item.category' | t }}</mat-label>
            <mat-select formControlName="category">
              <mat-option [value]="null">–</mat-option>
              @for (category of categories; track category) {
                <mat-option [value]="category">{{ categoryLabel[category] | t }}</mat-option>
              }
            </mat-select>
            @if (form.controls.category.hasError(serverError)) {
              <mat-error>{{ form.controls.category.getError(serverError) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'community.item.department' | t }}</mat-label>
            <input matInput formControlName="department" />
            @if (form.controls.department.hasError(serverError)) {
              <mat-error>{{ form.controls.department.getError(serverError) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'community.item.assignee' | t }}</mat-label>
            <mat-select formControlName="assigneeUserId">
              <mat-option [value]="null">–</mat-option>
              @for (member of members(); track member.id) {
                <mat-option [value]="member.user.id">{{ member.user.displayName }}</mat-option>
              }
            </mat-select>
            @if (form.controls.assigneeUserId.hasError(serverError)) {
              <mat-error>{{ form.controls.assigneeUserId.getError(serverError) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'community.rules.priority' | t }}</mat-label>
            <mat-select formControlName="priority">
              <mat-option [value]="null">–</mat-option>
              @for (priority of priorities; track priority) {
                <mat-option [value]="priority">{{ priorityLabel[priority] | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <mat-checkbox formControlName="active">{{ 'community.rules.active' | t }}</mat-checkbox>
        <div class="row actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ (editing() ? 'community.rules.saveEdit' : 'community.rules.submit') | t }}</button>
          @if (editing()) {
            <button mat-button type="button" (click)="cancel()">{{ 'community.rules.cancel' | t }}</button>
          }
        </div>
      </form>
    </section>
  `,
  styles: `
    section {
      margin-bottom: 32px;
      max-width: 760px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
    }
    .row mat-form-field {
      flex: 1 1 180px;
      min-width: 0;
    }
    .actions {
      margin-top: 12px;
    }
    .then {
      margin: 0 0 8px;
    }
    .rules {
      list-style: none;
      padding: 0;
      li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 8px;
        align-items: center;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        padding: 6px 0;
      }
      .describe {
        flex: 1 1 240px;
        overflow-wrap: anywhere;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
      }
      .inactive .describe {
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
})
export class RoutingRulesSection {
  private readonly api = inject(InboxApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();
  readonly rules = model.required<RoutingRuleView[]>();
  readonly channels = input.required<ChannelView[]>();
  readonly members = input.required<Member[]>();

  protected readonly categories = CATEGORY_ORDER;
  protected readonly categoryLabel = CATEGORY_LABEL;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly serverError = SERVER_ERROR;
  protected readonly busy = signal(false);
  protected readonly editing = signal<RoutingRuleView | null>(null);
  protected readonly editingPosition = signal(0);
  private readonly formHeading = viewChild<ElementRef<HTMLElement>>('formHeading');

  protected readonly form = new FormGroup({
    matchKind: new FormControl<'keyword' | 'channel'>('keyword', { nonNullable: true }),
    keyword: new FormControl('', { nonNullable: true }),
    channelId: new FormControl<string | null>(null),
    category: new FormControl<InboxCategory | null>(null),
    department: new FormControl('', { nonNullable: true }),
    assigneeUserId: new FormControl<string | null>(null),
    priority: new FormControl<InboxPriority | null>(null),
    active: new FormControl(true, { nonNullable: true }),
  });

  protected describe(rule: RoutingRuleView): string {
    const match = rule.matchKind === 'keyword' ? `„${rule.keyword}“` : (this.channels().find((c) => c.id === rule.channelId)?.name ?? '?');
    const targets = [
      rule.category ? this.i18n.t(CATEGORY_LABEL[rule.category]) : null,
      rule.department,
      rule.assigneeUserId ? (this.members().find((m) => m.user.id === rule.assigneeUserId)?.user.displayName ?? null) : null,
      rule.priority ? this.i18n.t(PRIORITY_LABEL[rule.priority]) : null,
    ].filter(Boolean);
    return this.i18n.t('community.rules.describe', { match, targets: targets.join(', ') });
  }

  protected edit(rule: RoutingRuleView): void {
    this.editing.set(rule);
    this.editingPosition.set(this.rules().findIndex((r) => r.id === rule.id) + 1);
    this.form.reset({
      matchKind: rule.matchKind,
      keyword: rule.keyword ?? '',
      channelId: rule.channelId,
      category: rule.category,
      department: rule.department ?? '',
      assigneeUserId: rule.assigneeUserId,
      priority: rule.priority,
      active: rule.active,
    });
    queueMicrotask(() => this.formHeading()?.nativeElement.focus());
  }

  protected cancel(): void {
    this.editing.set(null);
    this.form.reset();
  }

  protected save(): void {
    const v = this.form.getRawValue();
    const input = {
      matchKind: v.matchKind,
      keyword: v.matchKind === 'keyword' ? v.keyword : null,
      channelId: v.matchKind === 'channel' ? v.channelId : null,
      category: v.category,
      department: v.department || null,
      assigneeUserId: v.assigneeUserId,
      priority: v.priority,
      active: v.active,
    };
    const editing = this.editing();
    const request: Observable<RoutingRuleView> = editing ? this.api.updateRule(this.orgId(), editing.id, { ...input, version: editing.version }) : this.api.createRule(this.orgId(), input);
    this.busy.set(true);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.rules.update((rules) => (editing ? rules.map((r) => (r.id === saved.id ? saved : r)) : [...rules, saved]));
        this.editing.set(null);
        this.form.reset();
        this.notice.confirm(this.i18n.t(editing ? 'community.rules.saved' : 'community.rules.created'));
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected move(rule: RoutingRuleView, by: -1 | 1): void {
    const ids = this.rules().map((r) => r.id);
    const from = ids.indexOf(rule.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    this.busy.set(true);
    this.api.reorderRules(this.orgId(), ids).subscribe({
      next: (rules) => {
        this.busy.set(false);
        this.rules.set(rules);
        this.notice.confirm(this.i18n.t('community.rules.moved', { n: to + 1 }));
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected remove(rule: RoutingRuleView): void {
    this.busy.set(true);
    this.api.deleteRule(this.orgId(), rule.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.rules.update((rules) => rules.filter((r) => r.id !== rule.id));
        if (this.editing()?.id === rule.id) this.cancel();
        this.notice.confirm(this.i18n.t('community.rules.deleted'));
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    const problem = problemOf(error);
    if (problem?.status === 409 || problem?.status === 404) {
      this.notice.showErrorText(this.i18n.t('community.rules.stale'));
      this.api.rules(this.orgId()).subscribe((rules) => this.rules.set(rules));
      this.editing.set(null);
      return;
    }
    if (problem?.errors?.length && applyProblemToForm(this.form, problem).length === 0) return;
    this.notice.showError(error);
  }
}
