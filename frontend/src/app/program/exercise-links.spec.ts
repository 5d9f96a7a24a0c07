import { exerciseLink, programLink } from './exercise-links';

describe('exerciseLink', () => {
  it('leads to the area of the exercise inside the authority', () => {
    expect(exerciseLink('org-1', { area: 'redaktionsplan', rule: 'posts-planned-ahead' })).toEqual(['/', 'o', 'org-1', 'redaktionsplan']);
    expect(exerciseLink('org-1', { area: 'freigaben' })).toEqual(['/', 'o', 'org-1', 'freigaben']);
  });

  it('opens the settings tab that holds what a settings rule counts', () => {
    expect(exerciseLink('org-1', { area: 'einstellungen', rule: 'topics-defined' })).toEqual(['/', 'o', 'org-1', 'einstellungen', 'themen']);
    expect(exerciseLink('org-1', { area: 'einstellungen', rule: 'channels-active' })).toEqual(['/', 'o', 'org-1', 'einstellungen', 'kanaele']);
    expect(exerciseLink('org-1', { area: 'einstellungen' })).toEqual(['/', 'o', 'org-1', 'einstellungen']);
  });

  it('has no link for exercises done on "Mein Programm" itself', () => {
    expect(exerciseLink('org-1', { area: 'programm' })).toBeNull();
    expect(programLink('org-1')).toEqual(['/', 'o', 'org-1', 'lernprogramm']);
  });
});
