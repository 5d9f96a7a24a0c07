import { canonicalPlaybookContent, type PlaybookContent } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PlaybookEntity, PlaybookVersionEntity } from '../crisis/playbook.entity';
import { playbookTemplate } from '../crisis/playbook-templates';
import { playbookContentHash } from '../crisis/playbook.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stadt Musterstadt's crisis playbook: the template „Kritikwelle“ adapted with the city's own
 * contacts (the press office and the mayor's office are Amtsplan accounts, so they are alerted
 * in-app and by e-mail), next review in half a year. Signed off through the Freigabe like the
 * demo text blocks: the Redaktion wrote and submitted version 1 through the default route two
 * weeks ago and the Leitung approved it (four-eyes: the approver is not the author), request and
 * decision included, so the inbox and the playbook show real history.
 */
export async function seedDemoCrisis(manager: EntityManager, organizationId: string, people: { editorId: string; approverId: string }): Promise<void> {
  const template = playbookTemplate('kritikwelle')!.content;
  const contacts = template.contacts.map((c) => {
    switch (c.id) {
      case 'pressestelle':
        return { ...c, name: 'Rita Redaktion (Pressestelle)', phone: '0301 234-100', deputy: 'Lena Leitung', reachability: 'Mo–Fr 7–18 Uhr, sonst Bereitschaftshandy 0171 555 0100', userId: people.editorId };
      case 'verwaltungsspitze':
        return { ...c, name: 'Büro des Oberbürgermeisters', phone: '0301 234-001', deputy: 'Erste Beigeordnete', reachability: 'Über das Vorzimmer; abends über die Pressestelle', userId: people.approverId };
      case 'fachbereich':
        return { ...c, name: 'Tiefbauamt, Abteilungsleitung Straßenbau', phone: '0301 234-660', deputy: 'Sachgebiet Verkehrslenkung', reachability: 'Mo–Fr 7–16 Uhr' };
      default:
        return { ...c, name: 'Rechtsamt Musterstadt', phone: '0301 234-300', deputy: 'Justiziariat', reachability: 'Mo–Fr 8–16 Uhr' };
    }
  });
  const content: PlaybookContent = { ...template, name: 'Kritikwelle Baustellen und Sperrungen (Musterstadt)', contacts };
  const playbookId = randomUUID();
  const versionId = randomUUID();
  const submittedAt = new Date(Date.now() - 14 * DAY_MS);
  const decidedAt = new Date(submittedAt.getTime() + 5 * 60 * 60 * 1000);
  const inHalfAYear = new Date(Date.now() + 182 * 24 * 3600_000).toISOString().slice(0, 10);
  await manager.insert(PlaybookEntity, { id: playbookId, organizationId, templateKey: 'kritikwelle', ownerUserId: people.editorId, nextReviewOn: inHalfAYear } as never);
  await manager.insert(PlaybookVersionEntity, {
    id: versionId,
    organizationId,
    playbookId,
    number: 1,
    content,
    contentHash: playbookContentHash(content),
    status: 'approved',
    submitted: true,
    createdByUserId: people.editorId,
    editorUserIds: [people.editorId],
    createdAt: submittedAt,
    approvedAt: decidedAt,
  } as never);
  await manager.update(PlaybookEntity, { id: playbookId }, { currentVersionId: versionId });
  await seedSignOff(manager, organizationId, { versionId, content, submittedAt, decidedAt }, people);
}

async function seedSignOff(
  manager: EntityManager,
  organizationId: string,
  subject: { versionId: string; content: PlaybookContent; submittedAt: Date; decidedAt: Date },
  people: { editorId: string; approverId: string },
): Promise<void> {
  const [route] = await manager.query(`SELECT id, name, priority, is_default AS "isDefault", conditions, steps FROM approval_routes WHERE organization_id = $1 AND is_default`, [organizationId]);
  const canonical = canonicalPlaybookContent(subject.content);
  const hash = playbookContentHash(subject.content);
  // The Redaktion submitted, so its own step was skipped; the Leitung approved.
  const steps = (route.steps as Array<{ name: string; mode: string }>).map((step, i) => ({
    name: step.name,
    mode: step.mode,
    approverUserIds: i === 0 ? [] : [people.approverId],
    deputyUserId: null,
    dueAt: new Date(subject.submittedAt.getTime() + DAY_MS).toISOString(),
    status: i === 0 ? 'skipped' : 'approved',
  }));
  const requestId = randomUUID();
  await manager.query(
    `INSERT INTO approval_requests (id, organization_id, subject_type, playbook_version_id, route_id, route_snapshot, status, content_hash, canonical_content,
                                    author_user_id, submitted_by_user_id, content_editor_user_ids, submitted_at, steps, closed_at)
     VALUES ($1, $2, 'playbook', $3, $4, $5, 'approved', $6, $7, $8, $8, ARRAY[$8]::uuid[], $9, $10, $11)`,
    [requestId, organizationId, subject.versionId, route.id, JSON.stringify(route), hash, canonical, people.editorId, subject.submittedAt, JSON.stringify(steps), subject.decidedAt],
  );
  await manager.query(
    `INSERT INTO approval_decisions (organization_id, request_id, step_index, user_id, kind, comment, as_deputy, self_approval, content_hash, decided_at)
     VALUES ($1, $2, $3, $4, 'approve', 'Krisenplan gelesen und abgestimmt.', false, false, $5, $6)`,
    [organizationId, requestId, steps.length - 1, people.approverId, hash, subject.decidedAt],
  );
}
