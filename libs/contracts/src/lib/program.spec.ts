import { CreateRunRequest, CreateShareRequest, SaveReflectionRequest, ShareSource, UnlockWeeksRequest } from './program';

describe('learning program contracts', () => {
  const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

  it('accepts a run that starts on a Monday and names other days in German', () => {
    expect(CreateRunRequest.safeParse({ name: 'Frühjahr', startsOn: '2027-01-04' }).success).toBe(true);
    expect(messages(CreateRunRequest.safeParse({ name: 'Frühjahr', startsOn: '2027-01-05' }))).toEqual(['startsOn: Ein Durchgang beginnt an einem Montag.']);
    expect(messages(CreateRunRequest.safeParse({ name: ' ', startsOn: '2027-02-30' }))).toEqual(['name: Bitte einen Namen angeben', 'startsOn: Bitte ein gültiges Datum angeben.']);
  });

  it('unlocks weeks 1 to 12 with a version', () => {
    expect(messages(UnlockWeeksRequest.safeParse({ throughWeek: 13, version: 1 }))).toEqual(['throughWeek: Woche 1 bis 12 angeben']);
    expect(UnlockWeeksRequest.safeParse({ throughWeek: 12 }).success).toBe(false);
  });

  it('saves a reflection from version 0 (nothing saved yet), not finished unless said', () => {
    expect(SaveReflectionRequest.parse({ version: 0, answer: 'Entwurf' })).toEqual({ version: 0, answer: 'Entwurf', finished: false });
  });

  it('shares a reflection or a post draft; the share repeats the previewed text', () => {
    expect(ShareSource.parse({ kind: 'post_draft', postId: '6f1c1a7e-2d5b-4e8a-9c3f-0b1d2e3f4a5b' })).toEqual({
      kind: 'post_draft',
      postId: '6f1c1a7e-2d5b-4e8a-9c3f-0b1d2e3f4a5b',
      names: [],
    });
    expect(ShareSource.safeParse({ kind: 'reflection', exerciseId: 'w01-x', body: 'nicht in der Vorschau' }).success).toBe(false);
    expect(CreateShareRequest.safeParse({ kind: 'reflection', exerciseId: 'w01-x' }).success).toBe(false);
    expect(CreateShareRequest.safeParse({ kind: 'reflection', exerciseId: 'w01-x', body: 'Text' }).success).toBe(true);
  });

  it('shares a poster section by its key and a text block by its id', () => {
    expect(ShareSource.parse({ kind: 'poster_section', section: 'themen-serien' })).toEqual({ kind: 'poster_section', section: 'themen-serien' });
    const unknown = ShareSource.safeParse({ kind: 'poster_section', section: 'geheim' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toBe('Bitte einen Abschnitt des Plakats angeben');
    expect(ShareSource.safeParse({ kind: 'text_block', textBlockId: 'kein-uuid' }).success).toBe(false);
    expect(ShareSource.safeParse({ kind: 'text_block', textBlockId: '6f1c1a7e-2d5b-4e8a-9c3f-0b1d2e3f4a5b', exerciseId: 'w07-x' }).success).toBe(false);
    expect(CreateShareRequest.safeParse({ kind: 'text_block', textBlockId: '6f1c1a7e-2d5b-4e8a-9c3f-0b1d2e3f4a5b' }).success).toBe(false);
    expect(CreateShareRequest.safeParse({ kind: 'text_block', textBlockId: '6f1c1a7e-2d5b-4e8a-9c3f-0b1d2e3f4a5b', body: 'Text' }).success).toBe(true);
    expect(CreateShareRequest.safeParse({ kind: 'poster_section', section: 'ziele', body: 'Text' }).success).toBe(true);
  });
});
