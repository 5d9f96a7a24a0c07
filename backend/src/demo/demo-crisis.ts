import type { PlaybookContent } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PlaybookEntity, PlaybookVersionEntity } from '../crisis/playbook.entity';
import { playbookTemplate } from '../crisis/playbook-templates';
import { playbookContentHash } from '../crisis/playbook.repository';

/**
 * Stadt Musterstadt's crisis playbook: the template „Kritikwelle“ adapted with the city's own
 * contacts (the press office and the mayor's office are Amtsplan accounts, so they are alerted
 * in-app and by e-mail), signed off by the Leitung, next review in half a year.
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
    createdByUserId: people.editorId,
    approvedAt: new Date(),
  } as never);
  await manager.update(PlaybookEntity, { id: playbookId }, { currentVersionId: versionId });
}
