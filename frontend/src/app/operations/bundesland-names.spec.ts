import { BUNDESLAENDER, BUNDESLAND_NAMES } from '@amtsplan/domain';
import { de } from '../shared/i18n/messages.de';
import { bundeslandNameKey } from './bundesland-names';

describe('bundeslandNameKey', () => {
  it('names every Land in German as the domain does', () => {
    for (const bundesland of BUNDESLAENDER) expect(de[bundeslandNameKey(bundesland)]).toBe(BUNDESLAND_NAMES[bundesland]);
  });
});
