/** Form of address: formal "Sie" or informal "Du"; an organization picks one as its default. */
export const ADDRESS_FORMS = ['sie', 'du'] as const;
export type AddressForm = (typeof ADDRESS_FORMS)[number];

export const ADDRESS_FORM_LABELS: { readonly [F in AddressForm]: string } = { sie: 'Sie', du: 'Du' };

/** A block's body per form of address; at least one is written. */
export interface BodyVariants {
  readonly sie: string | null;
  readonly du: string | null;
}

export function hasBody(variants: BodyVariants): boolean {
  return Boolean(variants.sie?.trim() || variants.du?.trim());
}

/** The forms of address a block is written in. */
export function addressFormsOf(variants: BodyVariants): AddressForm[] {
  return ADDRESS_FORMS.filter((form) => Boolean(variants[form]?.trim()));
}

/**
 * The body for the wanted form of address; a block written in the other form only gives that
 * one (the picker shows which form it is), so it can still be used and adapted.
 */
export function bodyFor(variants: BodyVariants, wanted: AddressForm): { readonly form: AddressForm; readonly body: string } | null {
  const own = variants[wanted]?.trim() ? variants[wanted] : null;
  if (own) return { form: wanted, body: own };
  const other: AddressForm = wanted === 'sie' ? 'du' : 'sie';
  const fallback = variants[other]?.trim() ? variants[other] : null;
  return fallback ? { form: other, body: fallback } : null;
}
