import type { Bundesland } from '@amtsplan/domain';
import type { PlainMessageKey } from '../shared/i18n/translate';

/**
 * The codes themselves (`BUNDESLAENDER`, `Bundesland`) come from @amtsplan/domain, the list the
 * API validates against. The names are translated texts; the record needs a key for every code,
 * so a Land added to the domain does not compile until it has a name here.
 */
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
