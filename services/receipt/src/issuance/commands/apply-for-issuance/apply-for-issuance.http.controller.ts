import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ApplyForIssuanceCommandHandler } from './apply-for-issuance.command-handler';
import { ApplyForIssuanceRequestDto } from './apply-for-issuance.request.dto';
import { ApplyForIssuanceResponseDto } from './apply-for-issuance.response.dto';

@Controller('issuance-applications')
export class ApplyForIssuanceHttpController {
  constructor(@Inject(ApplyForIssuanceCommandHandler) private readonly handler: ApplyForIssuanceCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk', 'manager')
  @ApiCreatedResponse({ type: ApplyForIssuanceResponseDto, description: 'applied: receipt numbers allotted and the lots held for the application' })
  async apply(
    @Body() body: ApplyForIssuanceRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ApplyForIssuanceResponseDto> {
    const result = await this.handler.execute(body, caller);
    setETag(response, result.version);
    response.setHeader('Location', `/issuance-applications/${result.applicationId}`);
    return { applicationId: result.applicationId, status: 'applied', receiptNumbers: result.receiptNumbers, version: result.version };
  }
}
