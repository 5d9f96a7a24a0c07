import { Injectable } from '@nestjs/common';
import type { ApprovalSettingsView, UpdateApprovalSettingsRequest } from '@amtsplan/contracts';
import { type ElectionBlackoutPeriod, validateElectionBlackoutPeriods } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { ApprovalSettingsEntity } from './approval-settings.entity';
import { ApprovalSettingsRepository } from './approval-settings.repository';

export function toApprovalSettingsView(settings: ApprovalSettingsEntity): ApprovalSettingsView {
  return {
    allowSelfApproval: settings.allowSelfApproval,
    electionBlackoutPeriods: settings.electionBlackoutPeriods.map((p) => ({ from: p.from, to: p.to, label: p.label ?? null })),
    version: settings.version,
    updatedAt: settings.updatedAt.toISOString(),
  };
}

/**
 * Self-approval and election blackout periods. Switching self-approval is the one setting
 * that loosens four-eyes (DESIGN.md invariant 3), so it gets an audit event of its own.
 */
@Injectable()
export class ApprovalSettingsService {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly audit: AuditLog,
  ) {}

  async get(): Promise<ApprovalSettingsView> {
    return toApprovalSettingsView(await this.settings.current());
  }

  async update(request: UpdateApprovalSettingsRequest): Promise<ApprovalSettingsView> {
    const existing = await this.settings.current();
    const periods: ElectionBlackoutPeriod[] | undefined = request.electionBlackoutPeriods?.map((p) => ({
      from: p.from,
      to: p.to,
      label: p.label?.trim() || null,
    }));
    if (periods) {
      const problems = validateElectionBlackoutPeriods(periods);
      if (problems.length) throw ProblemException.validation(problems.map((p) => ({ path: `electionBlackoutPeriods.${p.path}`, message: p.message })));
    }
    const changes = {
      ...(request.allowSelfApproval !== undefined ? { allowSelfApproval: request.allowSelfApproval } : {}),
      ...(periods ? { electionBlackoutPeriods: periods } : {}),
    };
    await this.settings.update(existing.id, request.version, changes);
    const version = request.version + 1;
    if (request.allowSelfApproval !== undefined && request.allowSelfApproval !== existing.allowSelfApproval) {
      await this.audit.recordInOrganization({
        action: 'approval_settings.self_approval_changed',
        objectType: 'approval_settings',
        objectId: existing.id,
        details: { from: existing.allowSelfApproval, to: request.allowSelfApproval, version },
      });
    }
    if (periods && JSON.stringify(periods) !== JSON.stringify(existing.electionBlackoutPeriods)) {
      await this.audit.recordInOrganization({
        action: 'approval_settings.updated',
        objectType: 'approval_settings',
        objectId: existing.id,
        details: { fields: ['electionBlackoutPeriods'], periods: periods.length, version },
      });
    }
    return this.get();
  }
}
