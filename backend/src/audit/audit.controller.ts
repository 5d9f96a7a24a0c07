import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEventView } from '@amtsplan/contracts';
import { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { AuditEventRepository } from './audit-event.repository';

const AuditQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

@ApiTags('audit')
@Controller('orgs/:orgId/audit-events')
export class AuditController {
  constructor(private readonly events: AuditEventRepository) {}

  @Get()
  @RequirePermission('audit.read')
  list(@Query(new ZodValidationPipe(AuditQuery)) query: z.infer<typeof AuditQuery>): Promise<AuditEventView[]> {
    return this.events.latest(query.limit);
  }
}
