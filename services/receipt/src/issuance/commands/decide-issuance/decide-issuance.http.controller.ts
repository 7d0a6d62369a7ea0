import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Idempotent, IntegrationApi, Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ReasonRequestDto } from '../../../common/http/reason.request.dto';
import { DecideIssuanceCommandHandler } from './decide-issuance.command-handler';
import { ApproveIssuanceRequestDto } from './decide-issuance.request.dto';
import { IssuanceDecisionResponseDto } from './decide-issuance.response.dto';

/** The exchange decides issuance applications through its signed integration API (HMAC, timestamp, nonce, Idempotency-Key). */
@Controller('integration/exchange/issuance-applications/:applicationId')
@IntegrationApi()
@Roles('exchange')
export class ExchangeIssuanceHttpController {
  constructor(@Inject(DecideIssuanceCommandHandler) private readonly handler: DecideIssuanceCommandHandler) {}

  @Post('approve')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: IssuanceDecisionResponseDto, description: 'approved: the receipts are issued to the holder card' })
  async approve(@Param('applicationId') applicationId: string, @Body() body: ApproveIssuanceRequestDto, @CurrentCaller() caller: Caller) {
    return { applicationId, ...(await this.handler.execute(applicationId, { type: 'ApproveIssuance', approvalReference: body.approvalReference }, caller)) };
  }

  @Post('reject')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: IssuanceDecisionResponseDto, description: 'rejected: no receipt is issued and the held lots are free again' })
  async reject(@Param('applicationId') applicationId: string, @Body() body: ReasonRequestDto, @CurrentCaller() caller: Caller) {
    return { applicationId, ...(await this.handler.execute(applicationId, { type: 'RejectIssuance', reason: body.reason }, caller)) };
  }
}
