import { addCalendarDays, manifestTemplate, runToday } from '@amtsplan/domain';
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

/**
 * A second Programmleitung with a run of its own (a Peer-Gruppe still without authorities), so
 * the demo shows that a facilitator sees only their own runs and cohorts.
 */
export const DEMO_OTHER_FACILITATOR = { email: 'programmleitung-sued@amtsplan.example', displayName: 'Sven Süd' } as const;

export const DEMO_FACILITATORS = [DEMO_FACILITATOR, DEMO_OTHER_FACILITATOR] as const;

/** The Leitung of Stadt Musterstadt signs its Kick-off-Manifest in the demo, so the poster shows a signature. */
const MANIFEST_SIGNER = { organization: 'Stadt Musterstadt', email: 'leitung@musterstadt.example', name: 'Dr. Lena Leitung', function: 'Bürgermeisterin' } as const;

/** Landkreis Beispiel's Zwischenfazit, released to the Peer-Gruppe (an example: the demo run is in week 3). */
const MIDPOINT_RELEASED = {
  organization: 'Landkreis Beispiel',
  works: 'Der Redaktionsplan trägt: Wir planen vier Wochen im Voraus, die Serie „Kreis kompakt“ erscheint jeden Dienstag, und die Freigabe durch die Pressestelle dauert selten länger als einen Tag.',
  notWorking: 'Die Fachbereiche liefern Themen zu spät, und für Grafiken fehlt uns eine Vorlage im Erscheinungsbild des Landkreises; das kostet jede Woche Zeit.',
  next: 'Bis Woche 8 laden wir drei Fachbereiche als Beitragende ein und bauen mit Canva zwei Vorlagen; die Leitung gibt uns dafür zwei Stunden pro Woche zusätzlich.',
};

/** Stadt Musterstadt's Zwischenfazit as a draft: only the authority sees it until it is released. */
const MIDPOINT_DRAFT = {
  organization: 'Stadt Musterstadt',
  works: 'Themen und Rhythmus stehen; der Redaktionsplan ist für die nächsten Wochen gefüllt.',
  notWorking: '',
  next: '',
};

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

  const enrolments = new Map<string, { enrolmentId: string; organizationId: string; userId: string }>();
  for (const participant of PARTICIPANTS) {
    const organizationId = organizationIds.get(participant.organization);
    const userId = userIds.get(participant.email);
    if (!organizationId || !userId) throw new Error(`demo participant missing: ${participant.email}`);
    const enrolmentId = await insertRow(manager, ProgramEnrolmentEntity, { runId, cohortId, organizationId, userId });
    enrolments.set(participant.organization, { enrolmentId, organizationId, userId });
    await audit('program.participant_enrolled', 'program_enrolment', enrolmentId, null, { runId, cohortId, organizationId, participantUserId: userId });
  }

  // The signed Kick-off-Manifest: signed for the exact text, as the signing route stores it.
  const signerOrganization = organizationIds.get(MANIFEST_SIGNER.organization);
  const signerId = userIds.get(MANIFEST_SIGNER.email);
  if (signerOrganization && signerId) {
    const text = manifestTemplate(MANIFEST_SIGNER.organization);
    await manager.query(
      `INSERT INTO program_manifests (organization_id, text, signed_by_user_id, signer_name, signer_function, signed_at, signed_text) VALUES ($1, $2, $3, $4, $5, $6, $2)`,
      [signerOrganization, text, signerId, MANIFEST_SIGNER.name, MANIFEST_SIGNER.function, new Date(`${startsOn}T10:30:00+01:00`)],
    );
    await manager.insert(AuditEventEntity, { action: 'program.manifest_signed', organizationId: signerOrganization, actorUserId: signerId, objectType: 'program_manifest', objectId: signerOrganization, details: { function: MANIFEST_SIGNER.function, demo: true } } as never);
  }

  for (const [review, submitted] of [[MIDPOINT_RELEASED, true], [MIDPOINT_DRAFT, false]] as const) {
    const enrolment = enrolments.get(review.organization);
    if (!enrolment) continue;
    await manager.query(
      `INSERT INTO program_midpoint_reviews (organization_id, enrolment_id, cohort_id, works, not_working, next_steps, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [enrolment.organizationId, enrolment.enrolmentId, cohortId, review.works, review.notWorking, review.next, submitted ? now : null],
    );
  }

  // The second Programmleitung's own run, when the account exists (the demo seed creates it).
  const otherId = userIds.get(DEMO_OTHER_FACILITATOR.email);
  if (otherId) {
    await manager.insert(ProgramFacilitatorEntity, { userId: otherId });
    const otherRun = await insertRow(manager, ProgramRunEntity, { name: `Lernprogramm Social Media Süd ${startsOn.slice(0, 4)}`, startsOn, curriculumVersion: CURRENT_CURRICULUM_VERSION, facilitatorUserId: otherId });
    await insertRow(manager, ProgramCohortEntity, { runId: otherRun, name: 'Peer-Gruppe Süd', meetingWeekday: 2, meetingTime: '14:00' });
  }
}
