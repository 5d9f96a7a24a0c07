import { previewSegments } from './preview-segments';

describe('preview segments', () => {
  it('marks hashtags and links between plain text', () => {
    expect(previewSegments('Heute #Sperrmüll, mehr: https://musterstadt.de/abfall ok')).toEqual([
      { text: 'Heute ', kind: 'plain' },
      { text: '#Sperrmüll', kind: 'hashtag' },
      { text: ', mehr: ', kind: 'plain' },
      { text: 'https://musterstadt.de/abfall', kind: 'link' },
      { text: ' ok', kind: 'plain' },
    ]);
  });

  it('keeps a text without marks whole', () => {
    expect(previewSegments('Guten Morgen')).toEqual([{ text: 'Guten Morgen', kind: 'plain' }]);
    expect(previewSegments('')).toEqual([]);
  });
});
