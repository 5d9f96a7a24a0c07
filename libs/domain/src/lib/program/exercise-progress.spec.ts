import type { ActionExercise, ChecklistExercise, ReflectionExercise, UploadExercise } from './curriculum';
import { exerciseProgress, exerciseProgressMachine } from './exercise-progress';

const base = { title: 'Aufgabe', minutes: 30, area: 'programm' as const, instructions: 'Tun.' };
const reflection: ReflectionExercise = { ...base, id: 'w01-ziele', kind: 'reflection', posterSection: 'ziele', prompt: 'Wofür?' };
const checklist: ChecklistExercise = { ...base, id: 'w01-liste', kind: 'checklist', items: ['Impressum verlinkt', 'Netiquette verlinkt', 'Erreichbarkeit angegeben'] };
const upload: UploadExercise = { ...base, id: 'w06-grafik', kind: 'upload', artefact: 'eine Grafik', requiresAltText: true };
const action: ActionExercise = { ...base, id: 'w03-planen', kind: 'action', rule: 'posts-planned-ahead', params: { posts: 8, days: 28, topics: 2 } };

describe('exercise progress', () => {
  it('ticks an action exercise off when its rule holds, and keeps it done afterwards', () => {
    const partly = { holds: false, done: 5, target: 8, summary: '5 von 8', missing: ['Noch 3 Beiträge planen.'] };
    expect(exerciseProgress(action, { kind: 'action', check: partly })).toEqual({ status: 'in_progress', missing: ['Noch 3 Beiträge planen.'] });
    expect(exerciseProgress(action, { kind: 'action', check: { ...partly, done: 0 } }).status).toBe('open');
    expect(exerciseProgress(action, { kind: 'action', check: { ...partly, holds: true, done: 8, missing: [] } })).toEqual({ status: 'done', missing: [] });
    expect(exerciseProgress(action, { kind: 'action', check: partly }, 'done')).toEqual({ status: 'done', missing: [] });
  });

  it('counts a reflection as done once a real answer is marked finished', () => {
    expect(exerciseProgress(reflection, { kind: 'reflection', answer: '  ', submitted: true }).status).toBe('open');
    expect(exerciseProgress(reflection, { kind: 'reflection', answer: 'Kurz.', submitted: true }).missing[0]).toMatch(/mindestens 30 Zeichen/);
    const answer = 'Wir informieren schnell und verständlich über Termine und Baustellen.';
    expect(exerciseProgress(reflection, { kind: 'reflection', answer, submitted: false })).toEqual({ status: 'in_progress', missing: ['Antwort als fertig markieren.'] });
    expect(exerciseProgress(reflection, { kind: 'reflection', answer, submitted: true }).status).toBe('done');
  });

  it('follows the ticked items of a checklist, also backwards', () => {
    expect(exerciseProgress(checklist, { kind: 'checklist', checked: [] }).status).toBe('open');
    expect(exerciseProgress(checklist, { kind: 'checklist', checked: [0, 2] })).toEqual({ status: 'in_progress', missing: ['Offen: Netiquette verlinkt'] });
    expect(exerciseProgress(checklist, { kind: 'checklist', checked: [0, 1, 2, 7] }).status).toBe('done');
    expect(exerciseProgress(checklist, { kind: 'checklist', checked: [0, 1] }, 'done').status).toBe('in_progress');
  });

  it('wants an upload with its alt text', () => {
    expect(exerciseProgress(upload, { kind: 'upload', hasFile: false, altText: '' }).status).toBe('open');
    expect(exerciseProgress(upload, { kind: 'upload', hasFile: true, altText: ' ' })).toEqual({ status: 'in_progress', missing: ['Alternativtext ergänzen.'] });
    expect(exerciseProgress(upload, { kind: 'upload', hasFile: true, altText: 'Logo der Stadt über dem Serientitel' }).status).toBe('done');
  });

  it('refuses evidence of another kind', () => {
    expect(() => exerciseProgress(upload, { kind: 'checklist', checked: [] })).toThrow(/passt nicht/);
  });

  it('allows reopening only by moving back to in progress', () => {
    expect(exerciseProgressMachine.canTransition('done', 'in_progress')).toBe(true);
    expect(exerciseProgressMachine.canTransition('done', 'open')).toBe(false);
  });
});
