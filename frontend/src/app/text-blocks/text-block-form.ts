import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { CreateTextBlockRequest, TextBlockView, UpdateTextBlockRequest } from '@amtsplan/contracts';
import type { PlatformId } from '@amtsplan/domain';

/** The editor's form; paths match the API's field errors (applyProblemToForm). */
export function textBlockForm() {
  return new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    shortCode: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[a-z0-9][a-z0-9_-]{0,29}$/)] }),
    categoryId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    body: new FormGroup({
      sie: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(5000)] }),
      du: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(5000)] }),
    }),
    platforms: new FormControl<PlatformId[]>([], { nonNullable: true }),
    tags: new FormControl('', { nonNullable: true }),
    ownerUserId: new FormControl('', { nonNullable: true }),
    validFrom: new FormControl('', { nonNullable: true }),
    validUntil: new FormControl('', { nonNullable: true }),
    reviewOn: new FormControl('', { nonNullable: true }),
  });
}
export type TextBlockForm = ReturnType<typeof textBlockForm>;

export function fillTextBlockForm(form: TextBlockForm, block: TextBlockView): void {
  form.reset({
    title: block.latest.title,
    shortCode: block.shortCode,
    categoryId: block.latest.category.id,
    body: { sie: block.latest.body.sie ?? '', du: block.latest.body.du ?? '' },
    platforms: block.latest.platforms as PlatformId[],
    tags: block.tags.join(', '),
    ownerUserId: block.owner.id,
    validFrom: block.validFrom ?? '',
    validUntil: block.validUntil ?? '',
    reviewOn: block.reviewOn ?? '',
  });
}

export function createTextBlockRequest(form: TextBlockForm): CreateTextBlockRequest {
  const v = form.getRawValue();
  return {
    title: v.title,
    shortCode: v.shortCode.trim().toLowerCase(),
    categoryId: v.categoryId,
    body: { sie: v.body.sie.trim() ? v.body.sie : null, du: v.body.du.trim() ? v.body.du : null },
    platforms: v.platforms,
    tags: v.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    ...(v.ownerUserId ? { ownerUserId: v.ownerUserId } : {}),
    validFrom: v.validFrom || null,
    validUntil: v.validUntil || null,
    reviewOn: v.reviewOn || null,
  };
}

export function updateTextBlockRequest(form: TextBlockForm, version: number): UpdateTextBlockRequest {
  return { ...createTextBlockRequest(form), version };
}
