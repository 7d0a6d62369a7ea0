import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Roles, CurrentCaller, type Caller } from '@dw/platform';
import { IncomingTransferResponseDto } from '../notify-incoming-transfer/notify-incoming-transfer.response.dto';
import { AssignUnmatchedPaymentCommandHandler } from './assign-unmatched-payment.command-handler';
import { AssignUnmatchedPaymentRequestDto } from './assign-unmatched-payment.request.dto';

@Controller('bank-payments/:paymentId')
export class AssignUnmatchedPaymentHttpController {
  constructor(@Inject(AssignUnmatchedPaymentCommandHandler) private readonly handler: AssignUnmatchedPaymentCommandHandler) {}

  @Post('assign')
  @HttpCode(200)
  @Roles('manager')
  @ApiOkResponse({ type: IncomingTransferResponseDto, description: 'booked to the party: BankPaymentReceived follows on billing.bank.v1' })
  assign(
    @Param('paymentId') paymentId: string,
    @Body() body: AssignUnmatchedPaymentRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IncomingTransferResponseDto> {
    return this.handler.execute(paymentId, body, caller);
  }
}
