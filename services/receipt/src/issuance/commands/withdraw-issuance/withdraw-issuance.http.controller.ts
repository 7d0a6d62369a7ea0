import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ReasonRequestDto } from '../../../common/http/reason.request.dto';
import { DecideIssuanceCommandHandler } from '../decide-issuance/decide-issuance.command-handler';
import { IssuanceDecisionResponseDto } from '../decide-issuance/decide-issuance.response.dto';

/** The warehouse withdraws its own pending application; the held lots are free again. */
@Controller('issuance-applications/:applicationId')
export class WithdrawIssuanceHttpController {
  constructor(@Inject(DecideIssuanceCommandHandler) private readonly handler: DecideIssuanceCommandHandler) {}

  @Post('withdraw')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: IssuanceDecisionResponseDto, description: 'withdrawn: no receipt is issued and the held lots are free again' })
  async withdraw(@Param('applicationId') applicationId: string, @Body() body: ReasonRequestDto, @CurrentCaller() caller: Caller) {
    return { applicationId, ...(await this.handler.execute(applicationId, { type: 'WithdrawIssuance', reason: body.reason }, caller)) };
  }
}
