import { addCalendarDays, runToday } from '@amtsplan/domain';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { CURRENT_CURRICULUM_VERSION } from '../program/curriculum-files';
import { ProgramCohortEntity, ProgramEnrolmentEntity, ProgramFacilitatorEntity, ProgramRunEntity } from '../program/program-run.entity';
import { insertRow } from '../program/program-runs.repository';

/**
 * The Programmleitung of the demo: installation-wide like every facilitator, so the account
 * belongs to no authority and gets its grant here, as `program:facilitator` would give it.
 */
export const DEMO_FACILITATOR = { email: 'programmleitung@amtsplan.example', displayName: 'Paula Programmleitung' } as const;

/** Who takes part for which demo authority (one participant per authority and run). */
const PARTICIPANTS: ReadonlyArray<{ organization: string; email: string }> = [
  { organization: 'Stadt Musterstadt', email: 'redaktion@musterstadt.example' },
  { organization: 'Landkreis Beispiel', email: 'redaktion@landkreis-beispiel.example' },
];

/**
 * A run that started two Mondays before today, so week 3 ("Redaktionsplan und Themen") is open
 * when the demo is first shown: the week whose exercises are checked against the demo plan.
 * Written as the owner inside the seed's transaction, like the rest of the demo data.
 */
export async function seedDemoProgram(manager: EntityManager, organizationIds: ReadonlyMap<string, string>, userIds: ReadonlyMap<string, string>, now = new Date()): Promise<void> {
  const facilitatorUserId = userIds.get(DEMO_FACILITATOR.email);
  if (!facilitatorUserId) throw new Error('demo facilitator account missing');
  await manager.insert(ProgramFacilitatorEntity, { userId: facilitatorUserId });

  const today = runToday(now);
  const daysSinceMonday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const startsOn = addCalendarDays(today, -daysSinceMonday - 14);
  const runId = await insertRow(manager, ProgramRunEntity, {
    name: `Lernprogramm Social Media ${startsOn.slice(0, 4)}`,
    startsOn,
    curriculumVersion: CURRENT_CURRICULUM_VERSION,
    facilitatorUserId,
  });
  // Thursday morning: far enough into the week for the exercises to have been tried.
  const cohortId = await insertRow(manager, ProgramCohortEntity, { runId, name: 'Peer-Gruppe Nord', meetingWeekday: 4, meetingTime: '10:00' });
  const audit = (action: string, objectType: string, objectId: string, organizationId: string | null, details: Record<string, unknown>) =>
    manager.insert(AuditEventEntity, { action, organizationId, actorUserId: facilitatorUserId, objectType, objectId, details: { ...details, demo: true } } as never);
  await audit('program.run_created', 'program_run', runId, null, { startsOn });
  await audit('program.cohort_created', 'program_cohort', cohortId, null, { runId });

  for (const participant of PARTICIPANTS) {
    const organizationId = organizationIds.get(participant.organization);
    const userId = userIds.get(participant.email);
    if (!organizationId || !userId) throw new Error(`demo participant missing: ${participant.email}`);
    const enrolmentId = await insertRow(manager, ProgramEnrolmentEntity, { runId, cohortId, organizationId, userId });
    await audit('program.participant_enrolled', 'program_enrolment', enrolmentId, null, { runId, cohortId, organizationId, participantUserId: userId });
  }
}
