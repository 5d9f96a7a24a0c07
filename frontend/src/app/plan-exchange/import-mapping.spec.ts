import type { PlanImportPreview } from '@amtsplan/contracts';
import { doubleColumns, initialChoice, missingFields, toMapping } from './import-mapping';

const preview: PlanImportPreview = {
  columns: ['Datum', 'Uhrzeit', 'Thema', 'Beitragstext', 'Kanal'],
  suggestedMapping: { date: 'Datum', time: 'Uhrzeit', workingTitle: 'Thema', text: 'Beitragstext', channels: 'Kanal', status: 'Gibt es nicht' },
  rows: [],
  totalRows: 3,
  sheetName: 'Plan',
};

describe('import mapping', () => {
  it('takes the suggestion but never a column the file lacks', () => {
    const choice = initialChoice(preview);
    expect(choice).toMatchObject({ date: 'Datum', workingTitle: 'Thema', channels: 'Kanal', status: '', tags: '' });
  });

  it('refuses a mapping without date or working title', () => {
    const choice = { ...initialChoice(preview), workingTitle: '' };
    expect(missingFields(choice)).toEqual(['workingTitle']);
    expect(toMapping(choice)).toBeNull();
  });

  it('sends unmapped optional fields as null', () => {
    expect(toMapping(initialChoice(preview))).toEqual({
      date: 'Datum',
      workingTitle: 'Thema',
      time: 'Uhrzeit',
      text: 'Beitragstext',
      channels: 'Kanal',
      topic: null,
      status: null,
      tags: null,
    });
  });

  it('names a column chosen twice', () => {
    expect(doubleColumns({ ...initialChoice(preview), topic: 'Thema' })).toEqual(['Thema']);
    expect(doubleColumns(initialChoice(preview))).toEqual([]);
  });
});
