import { Injectable } from '@nestjs/common';
import type { TextBlockCategoryView, TextBlockSettingsView, UpdateTextBlockSettingsRequest } from '@amtsplan/contracts';
import { isBuiltInPlaceholder } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { TextBlockRepository } from './text-block.repository';

/** The organization's form of address and own placeholders, and its categories. */
@Injectable()
export class TextBlockSettingsService {
  constructor(
    private readonly repository: TextBlockRepository,
    private readonly audit: AuditLog,
  ) {}

  async settings(): Promise<TextBlockSettingsView> {
    const s = await this.repository.settings();
    return { addressForm: s.addressForm, placeholders: s.placeholders, version: s.version };
  }

  async update(request: UpdateTextBlockSettingsRequest): Promise<TextBlockSettingsView> {
    const current = await this.repository.settings();
    if (current.version !== request.version) throw ProblemException.staleVersion();
    const placeholders = request.placeholders?.map((p) => ({ key: p.key, label: p.label, defaultValue: p.defaultValue ?? null }));
    const problems = (placeholders ?? []).flatMap((p, i, all) => [
      ...(isBuiltInPlaceholder(p.key) ? [{ path: `placeholders.${i}.key`, message: `{{${p.key}}} gibt es schon für alle Behörden.` }] : []),
      ...(all.findIndex((o) => o.key === p.key) !== i ? [{ path: `placeholders.${i}.key`, message: `{{${p.key}}} steht doppelt in der Liste.` }] : []),
    ]);
    if (problems.length) throw ProblemException.validation(problems);
    await this.repository.updateSettings(current.id, current.version, {
      ...(request.addressForm ? { addressForm: request.addressForm } : {}),
      ...(placeholders ? { placeholders } : {}),
    });
    await this.audit.recordInOrganization({
      action: 'text_block_settings.updated',
      objectType: 'text_block_settings',
      objectId: current.id,
      details: { addressForm: request.addressForm ?? current.addressForm, placeholders: (placeholders ?? current.placeholders).map((p) => p.key) },
    });
    return this.settings();
  }

  async categories(): Promise<TextBlockCategoryView[]> {
    return (await this.repository.categories()).map((c) => ({ id: c.id, name: c.name, position: c.position }));
  }
}
