import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PlanEntryView, PostListQuery } from '@amtsplan/contracts';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CachedPlanRead } from '../read-cache/cached-plan-read.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { PlanEntryRepository } from './plan-entry.repository';

/** The calendar's and the Themenspeicher's read: posts as plan entries, same query as the post list. */
@ApiTags('posts')
@Controller('orgs/:orgId/plan-entries')
export class PlanEntriesController {
  constructor(private readonly entries: PlanEntryRepository) {}

  @Get()
  @RequirePermission('posts.read')
  @CachedPlanRead()
  list(@Query(new ZodValidationPipe(PostListQuery)) query: PostListQuery): Promise<PlanEntryView[]> {
    return this.entries.list(query);
  }
}
