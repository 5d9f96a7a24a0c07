import type { ColourBy } from './calendar/plan-events';

const STORAGE_KEY = 'amtsplan.plan.colourBy';

/** Remembered per browser: a colour choice is a way of looking, not a setting of the authority. */
export function storedColourBy(storage: Pick<Storage, 'getItem'> | null): ColourBy {
  try {
    return storage?.getItem(STORAGE_KEY) === 'topic' ? 'topic' : 'channel';
  } catch {
    return 'channel';
  }
}

export function storeColourBy(storage: Pick<Storage, 'setItem'> | null, colourBy: ColourBy): void {
  try {
    storage?.setItem(STORAGE_KEY, colourBy);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}
