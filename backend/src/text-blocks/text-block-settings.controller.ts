import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TextBlockCategoryView, TextBlockSettingsView, UpdateTextBlockSettingsRequest } from '@amtsplan/contracts';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { TextBlockSettingsService } from './text-block-settings.service';

/** The organization's settings for text blocks (form of address, own placeholders) and its categories. */
@ApiTags('text-blocks')
@Controller('orgs/:orgId')
export class TextBlockSettingsController {
  constructor(private readonly settings: TextBlockSettingsService) {}

  @Get('text-block-settings')
  @RequirePermission('posts.read')
  get(): Promise<TextBlockSettingsView> {
    return this.settings.settings();
  }

  @Patch('text-block-settings')
  @RequirePermission('organization.settings.manage')
  @BodySchema(UpdateTextBlockSettingsRequest)
  update(@ValidBody(UpdateTextBlockSettingsRequest) body: UpdateTextBlockSettingsRequest): Promise<TextBlockSettingsView> {
    return this.settings.update(body);
  }

  @Get('text-block-categories')
  @RequirePermission('posts.read')
  categories(): Promise<TextBlockCategoryView[]> {
    return this.settings.categories();
  }
}
