import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { TopicView } from '@amtsplan/contracts';
import { Session } from '../../auth/session';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { catalogueForm } from '../catalogue-form';
import { TopicsApi } from './topics-api';

/** Topics with their calendar colour; "sensibel" marks topics that need extra care. */
@Component({
  selector: 'amt-topics-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, InlineAlert, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="amt-visually-hidden">{{ 'topics.heading' | t }}</h2>
    @let state = topics.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="topics.reload()" />
    } @else {
      @if (!canManage()) {
        <p class="amt-muted">{{ 'topics.readOnly' | t }}</p>
      }
      @if (state.value.length === 0) {
        <p>{{ 'topics.empty' | t }}</p>
      } @else {
        <div class="amt-table-region" role="region" [attr.aria-label]="'topics.list' | t" tabindex="0">
          <table class="catalogue">
            <thead>
              <tr>
                <th scope="col">{{ 'topics.name' | t }}</th>
                <th scope="col">{{ 'topics.color' | t }}</th>
                <th scope="col">{{ 'topics.sensitive' | t }}</th>
                @if (canManage()) {
                  <th scope="col"><span class="amt-visually-hidden">{{ 'channels.actions' | t }}</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (topic of state.value; track topic.id) {
                <tr>
                  <td>{{ topic.name }}</td>
                  <td><span class="swatch" [style.background]="topic.color" aria-hidden="true"></span> {{ topic.color }}</td>
                  <td>{{ (topic.sensitive ? 'common.yes' : 'common.no') | t }}</td>
                  @if (canManage()) {
                    <td>
                      <button mat-button type="button" (click)="edit(topic)" [attr.aria-label]="'topics.editNamed' | t: { name: topic.name }">
                        {{ 'channels.edit' | t }}
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      @if (canManage()) {
        <section class="catalogue__form-section" aria-labelledby="topic-form-heading">
          @let editing = entries.editing();
          <h3 id="topic-form-heading">{{ editing ? ('topics.editNamed' | t: { name: editing.name }) : ('topics.add' | t) }}</h3>
          @if (entries.alert(); as alert) {
            <amt-inline-alert>{{ alert }}</amt-inline-alert>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="catalogue__form">
            <mat-form-field>
              <mat-label>{{ 'topics.name' | t }}</mat-label>
              <input matInput formControlName="name" required autocomplete="off" />
              <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field class="catalogue__colour">
              <mat-label>{{ 'topics.color' | t }}</mat-label>
              <input matInput type="color" formControlName="color" required />
            </mat-form-field>
            <mat-checkbox formControlName="sensitive">{{ 'topics.sensitive' | t }}</mat-checkbox>
            <div class="catalogue__buttons">
              <button mat-flat-button type="submit" [disabled]="entries.pending()">{{ (editing ? 'channels.save' : 'topics.create') | t }}</button>
              @if (editing) {
                <button mat-button type="button" (click)="entries.cancel()">{{ 'common.cancel' | t }}</button>
              }
            </div>
          </form>
        </section>
      }
    }
  `,
  styleUrl: '../catalogue-page.scss',
})
export class TopicsPage {
  private readonly api = inject(TopicsApi);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'topics.manage'));
  protected readonly topics = loadOnRequest({ params: () => this.orgId(), load: (id) => this.api.list(id) });
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    color: ['#7a3e9d', Validators.required],
    sensitive: [false],
  });
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly entries = catalogueForm<TopicView>({
    form: this.form,
    formDirective: this.formDirective,
    list: this.topics,
    savedMessage: (saved) => this.i18n.t('channels.saved', { name: saved.name }),
  });

  protected edit(topic: TopicView): void {
    this.entries.edit(topic);
    this.form.reset({ name: topic.name, color: topic.color, sensitive: topic.sensitive });
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    this.entries.submit((editing) =>
      editing ? this.api.update(this.orgId(), editing.id, { version: editing.version, ...value }) : this.api.create(this.orgId(), value),
    );
  }
}
