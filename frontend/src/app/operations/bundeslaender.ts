import type { BUNDESLAENDER as CONTRACT_BUNDESLAENDER } from '@amtsplan/contracts';
import type { PlainMessageKey } from '../shared/i18n/translate';

/** ISO 3166-2:DE code of a German state, exactly as the API accepts it. */
export type Bundesland = (typeof CONTRACT_BUNDESLAENDER)[number];

/*
 * A copy of the contract's list, because a runtime import from @amtsplan/contracts would load
 * zod into the browser (see shared/http/api-contract.ts). The types keep the copy honest: a code
 * the contract does not know does not compile, and neither does a missing one (the record below
 * needs every code of the contract, and `missing` must be empty).
 */
export const BUNDESLAENDER = [
  'BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH',
] as const satisfies readonly Bundesland[];

type Missing = Exclude<Bundesland, (typeof BUNDESLAENDER)[number]>;
const missing: [Missing] extends [never] ? true : Missing = true;
void missing;

/** The German names (Baden-Württemberg, Bayern, …) are the `de` texts of these keys. */
const BUNDESLAND_NAMES: { readonly [B in Bundesland]: PlainMessageKey } = {
  BW: 'bundesland.BW',
  BY: 'bundesland.BY',
  BE: 'bundesland.BE',
  BB: 'bundesland.BB',
  HB: 'bundesland.HB',
  HH: 'bundesland.HH',
  HE: 'bundesland.HE',
  MV: 'bundesland.MV',
  NI: 'bundesland.NI',
  NW: 'bundesland.NW',
  RP: 'bundesland.RP',
  SL: 'bundesland.SL',
  SN: 'bundesland.SN',
  ST: 'bundesland.ST',
  SH: 'bundesland.SH',
  TH: 'bundesland.TH',
};

export function bundeslandNameKey(bundesland: Bundesland): PlainMessageKey {
  return BUNDESLAND_NAMES[bundesland];
}
