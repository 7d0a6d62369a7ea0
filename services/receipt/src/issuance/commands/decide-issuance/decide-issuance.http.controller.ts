import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Idempotent, IntegrationApi, Roles } from '@dw/platform';
import { CurrentActing, type Acting } from '../../../common/http/acting';
import { ReasonRequestDto } from '../../../common/http/reason.request.dto';
import { DecideIssuanceCommandHandler } from './decide-issuance.command-handler';
import { ApproveIssuanceRequestDto } from './decide-issuance.request.dto';

/** The exchange decides issuance applications through its signed integration API (HMAC, timestamp, nonce, Idempotency-Key). */
@Controller('integration/exchange/issuance-applications/:applicationId')
@IntegrationApi()
@Roles('exchange')
export class ExchangeIssuanceHttpController {
  constructor(@Inject(DecideIssuanceCommandHandler) private readonly handler: DecideIssuanceCommandHandler) {}

  @Post('approve')
  @HttpCode(200)
  @Idempotent()
  async approve(@Param('applicationId') applicationId: string, @Body() body: ApproveIssuanceRequestDto, @CurrentActing() acting: Acting) {
    return { applicationId, ...(await this.handler.execute(applicationId, { type: 'ApproveIssuance', approvalReference: body.approvalReference }, acting)) };
  }

  @Post('reject')
  @HttpCode(200)
  @Idempotent()
  async reject(@Param('applicationId') applicationId: string, @Body() body: ReasonRequestDto, @CurrentActing() acting: Acting) {
    return { applicationId, ...(await this.handler.execute(applicationId, { type: 'RejectIssuance', reason: body.reason }, acting)) };
  }
}
