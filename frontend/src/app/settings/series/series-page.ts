import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ChannelView, SeriesView, TopicView } from '@amtsplan/contracts';
import { type RuleWeekday, describeRule, localDateOf, validateRule } from '@amtsplan/domain';
import { type Observable, forkJoin, merge } from 'rxjs';
import { Session } from '../../auth/session';
import { ASSUMED_TIME_ZONE } from '../../plan/plan-first-reads';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { catalogueForm } from '../catalogue-form';
import { ChannelsApi } from '../channels/channels-api';
import { TopicsApi } from '../topics/topics-api';
import { type RecurrenceChoice, WEEKDAYS, choiceOfRule, ruleOfChoice } from './recurrence-choice';
import { SeriesApi } from './series-api';

interface SeriesCatalogue {
  readonly series: readonly SeriesView[];
  readonly channels: readonly ChannelView[];
  readonly topics: readonly TopicView[];
}

const WEEKDAY_KEYS = {
  MO: 'series.weekday.MO',
  TU: 'series.weekday.TU',
  WE: 'series.weekday.WE',
  TH: 'series.weekday.TH',
  FR: 'series.weekday.FR',
  SA: 'series.weekday.SA',
  SU: 'series.weekday.SU',
} as const;

/** Series (Formate): recurring slots in the plan, e.g. "#Tierheimdienstag" every Tuesday at 10:00. */
@Component({
  selector: 'amt-series-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    InlineAlert,
    LoadStatus,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './series-page.html',
  styleUrls: ['../catalogue-page.scss', './series-page.scss'],
})
export class SeriesPage {
  private readonly api = inject(SeriesApi);
  private readonly channelsApi = inject(ChannelsApi);
  private readonly topicsApi = inject(TopicsApi);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'posts.plan'));
  protected readonly catalogue = loadOnRequest({ params: () => this.orgId(), load: (id) => this.fetch(id) });
  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayKeys = WEEKDAY_KEYS;

  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    hashtag: ['', Validators.pattern(/^(#[\p{L}\p{N}_]+)?$/u)],
    description: [''],
    channelIds: [[] as string[]],
    topicId: this.formBuilder.control<string | null>(null),
    frequency: ['weekly' as RecurrenceChoice['frequency']],
    interval: [1, [Validators.required, Validators.min(1), Validators.max(12)]],
    weekdays: [['TU'] as RuleWeekday[]],
    ordinal: [1],
    weekday: ['TU' as RuleWeekday],
    monthDay: [1, [Validators.min(1), Validators.max(31)]],
    time: ['10:00', Validators.required],
    startDate: [localDateOf(new Date(), ASSUMED_TIME_ZONE), Validators.required],
    rrule: ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0', Validators.required],
    checklist: [''],
    textSkeleton: [''],
    active: [true],
  });
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly entries = catalogueForm<SeriesView>({
    form: this.form,
    formDirective: this.formDirective,
    list: this.catalogue,
    savedMessage: (saved) => this.i18n.t('series.saved', { name: saved.name }),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly rulePreview = computed(() => {
    const rrule = this.value().rrule ?? '';
    return validateRule(rrule) ?? describeRule(rrule);
  });

  constructor() {
    // The picker writes the rule; the expert field shows it and may be edited by hand.
    const { frequency, interval, weekdays, ordinal, weekday, monthDay, time } = this.form.controls;
    merge(frequency.valueChanges, interval.valueChanges, weekdays.valueChanges, ordinal.valueChanges, weekday.valueChanges, monthDay.valueChanges, time.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.writeRule());
  }

  protected channelNames(catalogue: SeriesCatalogue, series: SeriesView): string {
    return series.channelIds.map((id) => catalogue.channels.find((c) => c.id === id)?.name ?? '').filter(Boolean).join(', ');
  }

  protected toggleWeekday(day: RuleWeekday, on: boolean): void {
    const days = this.form.controls.weekdays.value.filter((d) => d !== day);
    this.form.controls.weekdays.setValue(on ? [...days, day] : days);
  }

  protected edit(series: SeriesView): void {
    this.entries.edit(series);
    const choice = choiceOfRule(series.rrule);
    this.form.reset({
      name: series.name,
      hashtag: series.hashtag,
      description: series.description,
      channelIds: [...series.channelIds],
      topicId: series.topicId,
      startDate: series.start.slice(0, 10),
      checklist: series.checklist.map((item) => item.label).join('\n'),
      textSkeleton: series.textSkeleton,
      active: series.active,
      ...(choice ? pickerValues(choice) : { time: series.start.slice(11, 16) }),
    }, { emitEvent: false });
    this.form.controls.rrule.setValue(series.rrule);
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const body = {
      name: value.name,
      hashtag: value.hashtag,
      description: value.description,
      channelIds: value.channelIds,
      topicId: value.topicId,
      rrule: value.rrule,
      start: `${value.startDate}T${value.time}`,
      checklist: value.checklist
        .split('\n')
        .map((label) => label.trim())
        .filter((label) => label !== '')
        .map((label) => ({ label, done: false })),
      textSkeleton: value.textSkeleton,
      active: value.active,
    };
    this.entries.submit((editing) =>
      editing ? this.api.update(this.orgId(), editing.id, { version: editing.version, ...body }) : this.api.create(this.orgId(), body),
    );
  }

  private writeRule(): void {
    const value = this.form.getRawValue();
    const choice: RecurrenceChoice =
      value.frequency === 'weekly'
        ? { frequency: 'weekly', interval: value.interval, weekdays: value.weekdays, time: value.time }
        : value.frequency === 'monthly-weekday'
          ? { frequency: 'monthly-weekday', interval: value.interval, ordinal: Number(value.ordinal), weekday: value.weekday, time: value.time }
          : { frequency: 'monthly-day', interval: value.interval, monthDay: value.monthDay, time: value.time };
    this.form.controls.rrule.setValue(ruleOfChoice(choice));
  }

  private fetch(organizationId: string): Observable<SeriesCatalogue> {
    return forkJoin({
      series: this.api.list(organizationId),
      channels: this.channelsApi.list(organizationId),
      topics: this.topicsApi.list(organizationId),
    });
  }
}

function pickerValues(choice: RecurrenceChoice) {
  switch (choice.frequency) {
    case 'weekly':
      return { frequency: choice.frequency, interval: choice.interval, weekdays: [...choice.weekdays], time: choice.time };
    case 'monthly-weekday':
      return { frequency: choice.frequency, interval: choice.interval, ordinal: choice.ordinal, weekday: choice.weekday, time: choice.time };
    case 'monthly-day':
      return { frequency: choice.frequency, interval: choice.interval, monthDay: choice.monthDay, time: choice.time };
  }
}
