import type { AddressForm } from '@amtsplan/domain';

/** What the picker hands back: the text to insert and which approved version it came from. */
export interface PickedTextBlock {
  readonly textBlockId: string;
  /** The approved version the text was rendered from (for `POST …/text-blocks/:id/uses` and the reply's record). */
  readonly versionId: string;
  readonly shortCode: string;
  readonly title: string;
  /** The body with every placeholder filled (typed values, else the organization's defaults). */
  readonly text: string;
  readonly addressForm: AddressForm;
}

/** How the picker is opened. */
export interface TextBlockPickerOptions {
  readonly organizationId: string;
  /** The form of address to prefer; default: the organization's. */
  readonly addressForm?: AddressForm;
  /** Values known from the context, e.g. `{ name: '@anna' }` from the comment's author. */
  readonly values?: Readonly<Record<string, string>>;
  /** What was typed after "/" already: the search starts with it. */
  readonly query?: string;
  /** Records the use (`POST …/uses`) when a block is chosen. Default true. */
  readonly recordUse?: boolean;
  /**
   * Shows the holding statements of the organization's active crisis first, in their own group
   * („Haltungsstatements (aktive Krise)“); the inbox reply composer sets it. Default false.
   */
  readonly holdingStatements?: boolean;
}
