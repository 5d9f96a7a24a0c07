import type { Planning } from '@amtsplan/contracts';
import { utcToZonedLocal } from '@amtsplan/domain';
import type { I18n } from '../../shared/i18n/i18n';
import type { PlainMessageKey } from '../../shared/i18n/translate';
import type { PlanReferences } from '../plan-references';
import type { PostField, PostFields } from './post-fields';

export const FIELD_LABELS: { readonly [F in PostField | 'status' | 'media']: PlainMessageKey } = {
  workingTitle: 'plan.field.workingTitle',
  text: 'plan.field.text',
  variants: 'plan.field.channels',
  planning: 'plan.field.planning',
  topicId: 'plan.field.topic',
  tags: 'plan.field.tags',
  responsibleUserId: 'plan.field.responsible',
  checklist: 'plan.field.checklist',
  seriesId: 'plan.field.series',
  status: 'plan.field.status',
  media: 'plan.field.images',
};

/** A field name from the version history, in words; unknown names are shown as they are. */
export function fieldLabel(field: string, i18n: I18n): string {
  return field in FIELD_LABELS ? i18n.t(FIELD_LABELS[field as keyof typeof FIELD_LABELS]) : field;
}

export function planningText(planning: Planning, timeZone: string, i18n: I18n): string {
  switch (planning.kind) {
    case 'unplanned':
      return i18n.t('plan.planning.unplanned');
    case 'day':
      return planning.date.split('-').reverse().join('.');
    case 'time': {
      const local = utcToZonedLocal(new Date(planning.at), timeZone);
      return `${local.slice(0, 10).split('-').reverse().join('.')} ${local.slice(11, 16)}`;
    }
  }
}

/** One side of a comparison row, in words a person can compare. */
export function fieldValueText<F extends PostField>(field: F, value: PostFields[F], references: PlanReferences, i18n: I18n): string {
  const none = i18n.t('plan.none');
  switch (field) {
    case 'variants':
      return (
        (value as PostFields['variants'])
          .map((v) => {
            const name = references.channelById.get(v.channelId)?.name ?? v.channelId;
            return v.text === null ? name : `${name}: „${v.text}“`;
          })
          .join('; ') || none
      );
    case 'planning':
      return planningText(value as Planning, references.settings.timeZone, i18n);
    case 'topicId':
      return value ? (references.topicById.get(value as string)?.name ?? String(value)) : none;
    case 'seriesId':
      return value ? (references.seriesById.get(value as string)?.name ?? String(value)) : none;
    case 'responsibleUserId':
      return value ? (references.memberByUserId.get(value as string)?.user.displayName ?? String(value)) : none;
    case 'tags':
      return (value as readonly string[]).join(', ') || none;
    case 'checklist':
      return (value as PostFields['checklist']).map((item) => `${item.done ? '☑' : '☐'} ${item.label}`).join('; ') || none;
    default:
      return String(value ?? '') || none;
  }
}
