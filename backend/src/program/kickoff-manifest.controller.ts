import { Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ManifestView, SaveManifestRequest, SignManifestRequest } from '@amtsplan/contracts';
import { CurrentUser, SessionUser } from '../auth/request-auth';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { KickoffManifestService } from './kickoff-manifest.service';

/**
 * The authority's Kick-off-Manifest. Every member reads it; planners (Redaktion, Administration)
 * edit the text; Leitung and Administration sign it (the service refuses other roles with 403).
 */
@ApiTags('program')
@Controller('orgs/:orgId/program/manifest')
export class KickoffManifestController {
  constructor(private readonly manifests: KickoffManifestService) {}

  @Get()
  @RequirePermission('organization.read')
  read(): Promise<ManifestView> {
    return this.manifests.read();
  }

  @Put()
  @RequirePermission('posts.plan')
  @BodySchema(SaveManifestRequest)
  save(@ValidBody(SaveManifestRequest) body: SaveManifestRequest): Promise<ManifestView> {
    return this.manifests.save(body);
  }

  @Post('signature')
  @RequirePermission('organization.read')
  @BodySchema(SignManifestRequest)
  sign(@CurrentUser() user: SessionUser, @ValidBody(SignManifestRequest) body: SignManifestRequest): Promise<ManifestView> {
    return this.manifests.sign(user.displayName, body);
  }
}
