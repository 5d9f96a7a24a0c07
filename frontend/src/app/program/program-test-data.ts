import type { CurriculumView, MyProgramView } from '@amtsplan/contracts';

/**
 * One enrolment in week 3 with the Redaktionsplan exercise at a given number of planned posts,
 * for the component specs of "Mein Programm" and the plan's exercise panel.
 */
export const curriculum = {
  version: '2027.1',
  weeks: [
    {
      week: 3,
      title: 'Redaktionsplan und Themen',
      topics: ['redaktionsplan-themen'],
      goals: ['Vier Wochen im Voraus planen'],
      impulse: 'Ein Plan nimmt Druck heraus.',
      resources: [],
      agenda: [{ minutes: 90, title: 'Austausch' }],
      exercises: [
        { id: 'w03-themen-anlegen', kind: 'action', title: 'Themen anlegen', minutes: 20, area: 'einstellungen', instructions: 'Themen.', rule: 'topics-defined', params: { count: 3 } },
        { id: 'w03-vier-wochen-planen', kind: 'action', title: 'Die nächsten vier Wochen planen', minutes: 90, area: 'redaktionsplan', instructions: 'Planen.', rule: 'posts-planned-ahead', params: { posts: 8, days: 28, topics: 2 } },
        { id: 'w03-themen-und-rhythmus', kind: 'reflection', title: 'Themen und Rhythmus', minutes: 45, area: 'programm', instructions: 'Schreiben.', posterSection: 'themen', prompt: 'Welche Themen?' },
      ],
    },
  ],
} as unknown as CurriculumView;

export function program(planned: number): MyProgramView {
  const holds = planned >= 8;
  return {
    enrolments: [
      {
        enrolmentId: 'enr-1',
        run: { id: 'run-1', name: 'Lernprogramm 2026', startsOn: '2026-11-23', curriculumVersion: '2027.1' },
        cohort: { id: 'c-1', name: 'Peer-Gruppe Nord', meeting: { weekday: 4, time: '10:00', minutes: 90 }, nextMeetingAt: '2026-12-10T09:00:00Z' },
        openWeeks: 3,
        weeks: [
          {
            week: 3,
            title: 'Redaktionsplan und Themen',
            opensOn: '2026-12-07',
            open: true,
            exercises: [
              { exerciseId: 'w03-themen-anlegen', kind: 'action', title: 'Themen anlegen', minutes: 20, status: 'done', missing: [], doneAt: null, version: 1, check: { holds: true, done: 6, target: 3, summary: '6 Themen angelegt', missing: [] } },
              {
                exerciseId: 'w03-vier-wochen-planen',
                kind: 'action',
                title: 'Die nächsten vier Wochen planen',
                minutes: 90,
                status: holds ? 'done' : 'open',
                missing: [],
                doneAt: null,
                version: 0,
                check: { holds, done: planned, target: 8, summary: `${planned} von 8 Beiträgen geplant, 1 Thema`, missing: holds ? [] : [`noch ${8 - planned} Beiträge`] },
              },
              { exerciseId: 'w03-themen-und-rhythmus', kind: 'reflection', title: 'Themen und Rhythmus', minutes: 45, status: 'open', missing: [], doneAt: null, version: 0 },
            ],
          },
          { week: 4, title: 'Serien und Formate', opensOn: '2026-12-14', open: false, exercises: [] },
        ],
      },
    ],
  };
}
