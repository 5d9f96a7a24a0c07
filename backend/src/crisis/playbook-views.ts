import type { PlaybookTemplateView, PlaybookView } from '@amtsplan/contracts';
import type { PlaybookTemplate } from './playbook-templates';
import type { StoredPlaybook } from './playbook.repository';

/** `approvalRequestId`: the latest approval request of the current version, if it was submitted. */
export function toPlaybookView({ playbook, current, approvedVersionNumber }: StoredPlaybook, approvalRequestId: string | null): PlaybookView {
  return {
    id: playbook.id,
    name: current.content.name,
    scenario: current.content.scenario,
    templateKey: playbook.templateKey,
    ownerUserId: playbook.ownerUserId,
    lastReviewedOn: playbook.lastReviewedOn,
    nextReviewOn: playbook.nextReviewOn,
    content: current.content as PlaybookView['content'],
    versionNumber: current.number,
    versionStatus: current.status,
    contentHash: current.contentHash,
    approvedVersionNumber,
    approvalRequestId,
    version: playbook.version,
    updatedAt: playbook.updatedAt.toISOString(),
  };
}

export function toTemplateView(template: PlaybookTemplate): PlaybookTemplateView {
  return { key: template.key, name: template.content.name, scenario: template.content.scenario, content: template.content as PlaybookTemplateView['content'] };
}
