import { suggestMapping } from './import-mapping';

describe('suggesting a column mapping from header names', () => {
  it('reads an old-style plan where „Thema“ is the subject of a post', () => {
    expect(suggestMapping(['Datum', 'Uhrzeit', 'Thema', 'Beitragstext', 'Kanal', 'Status'])).toEqual({
      date: 'Datum',
      time: 'Uhrzeit',
      workingTitle: 'Thema',
      text: 'Beitragstext',
      channels: 'Kanal',
      status: 'Status',
    });
  });

  it('takes „Thema“ as the topic when there is a title column', () => {
    expect(suggestMapping(['Datum', 'Arbeitstitel', 'Thema', 'Kanäle', 'Schlagwörter'])).toEqual({
      date: 'Datum',
      workingTitle: 'Arbeitstitel',
      topic: 'Thema',
      channels: 'Kanäle',
      tags: 'Schlagwörter',
    });
  });

  it('knows English headers, spelling variants and headers with a hint', () => {
    expect(suggestMapping(['date', 'TIME', 'Title', 'Text', 'Platform', 'Category', 'Hashtags'])).toEqual({
      date: 'date',
      time: 'TIME',
      workingTitle: 'Title',
      text: 'Text',
      channels: 'Platform',
      topic: 'Category',
      tags: 'Hashtags',
    });
    expect(suggestMapping(['Datum (TT.MM.JJJJ)', 'Zeit', 'Kanaele', 'Kategorie'])).toEqual({ date: 'Datum (TT.MM.JJJJ)', time: 'Zeit', channels: 'Kanaele', topic: 'Kategorie' });
  });

  it('does not let the short name „Tag“ claim a column „Tags“', () => {
    expect(suggestMapping(['Tags', 'Titel'])).toEqual({ tags: 'Tags', workingTitle: 'Titel' });
  });
});
