import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateOrganizationRequest, OperatorOrganizationView } from '@amtsplan/contracts';
import { AppRequest, CurrentUser, SessionUser } from '../auth/request-auth';
import { ProblemException } from '../http/problem.exception';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { OperatorService } from './operator.service';

@ApiTags('operator')
@Controller('operator/organizations')
export class OperatorController {
  constructor(private readonly operator: OperatorService) {}

  @Get()
  list(@CurrentUser() user: SessionUser): Promise<OperatorOrganizationView[]> {
    requireOperator(user);
    return this.operator.list(user.id);
  }

  @Post()
  @BodySchema(CreateOrganizationRequest)
  create(
    @CurrentUser() user: SessionUser,
    @ValidBody(CreateOrganizationRequest) body: Required<CreateOrganizationRequest>,
    @Req() request: AppRequest,
  ): Promise<{ organization: OperatorOrganizationView; acceptUrl: string }> {
    requireOperator(user);
    return this.operator.createOrganization(body, user.id, request.ip);
  }
}

function requireOperator(user: SessionUser): void {
  if (!user.isOperator) throw ProblemException.forbidden('Nur für den Betrieb der Installation.');
}
