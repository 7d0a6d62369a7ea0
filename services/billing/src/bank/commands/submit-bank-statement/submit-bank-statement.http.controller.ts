import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Idempotent, IntegrationApi, Roles, CurrentCaller, type Caller } from '@dw/platform';
import { SubmitBankStatementCommandHandler } from './submit-bank-statement.command-handler';
import { SubmitBankStatementRequestDto } from './submit-bank-statement.request.dto';
import { BankStatementResponseDto } from './submit-bank-statement.response.dto';

/** A bank submits its daily statement through its signed integration API. */
@Controller('integration/bank')
@IntegrationApi()
@Roles('bank')
export class SubmitBankStatementHttpController {
  constructor(@Inject(SubmitBankStatementCommandHandler) private readonly handler: SubmitBankStatementCommandHandler) {}

  @Post('statements')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({
    type: BankStatementResponseDto,
    description: 'received and reconciled: every break raised (billing.alarm.v1); the same statement again answers the same',
  })
  submit(@Body() body: SubmitBankStatementRequestDto, @CurrentCaller() caller: Caller): Promise<BankStatementResponseDto> {
    return this.handler.execute(body, caller);
  }
}
