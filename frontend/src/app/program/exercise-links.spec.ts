import { exerciseLink, exerciseLinkLabel, panelLink, programLink } from './exercise-links';

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

  it('leads into the exact place of the areas built later (new text block form, Posteingang, Krisen-Playbooks)', () => {
    expect(exerciseLink('org-1', { area: 'textbausteine', rule: 'text-blocks-approved' })).toEqual(['/', 'o', 'org-1', 'textbausteine', 'neu']);
    expect(exerciseLink('org-1', { area: 'community', rule: 'inbox-replies-from-text-blocks' })).toEqual(['/', 'o', 'org-1', 'community']);
    expect(exerciseLink('org-1', { area: 'krisen-playbooks', rule: 'playbook-approved' })).toEqual(['/', 'o', 'org-1', 'krisen-playbooks']);
    expect(exerciseLinkLabel('textbausteine', 'text-blocks-approved')).toBe('program.goTo.newTextBlock');
    expect(exerciseLinkLabel('community', 'inbox-replies-from-text-blocks')).toBe('program.goTo.community');
  });

  it("links from an area's panel only where the work is not the page itself", () => {
    expect(panelLink('org-1', 'textbausteine', { area: 'textbausteine', rule: 'text-blocks-approved' })).toEqual(['/', 'o', 'org-1', 'textbausteine', 'neu']);
    expect(panelLink('org-1', 'community', { area: 'community', rule: 'inbox-replies-from-text-blocks' })).toBeNull();
    expect(panelLink('org-1', 'redaktionsplan', { area: 'redaktionsplan', rule: 'posts-planned-ahead' })).toBeNull();
    expect(panelLink('org-1', 'redaktionsplan', { area: 'einstellungen', rule: 'topics-defined' })).toEqual(['/', 'o', 'org-1', 'einstellungen', 'themen']);
  });

  it('has no link for exercises done on "Mein Programm" itself', () => {
    expect(exerciseLink('org-1', { area: 'programm' })).toBeNull();
    expect(programLink('org-1')).toEqual(['/', 'o', 'org-1', 'lernprogramm']);
  });
});
