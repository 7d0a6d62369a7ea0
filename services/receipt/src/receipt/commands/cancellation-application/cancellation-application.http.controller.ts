import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation, expectedVersionOf } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ReasonRequestDto } from '../../../common/http/reason.request.dto';
import { CancellationApplicationCommandHandler, type CancellationApplicationOutcome } from './cancellation-application.command-handler';
import { ApplyForCancellationRequestDto } from './cancellation-application.request.dto';
import { CancellationApplicationOutcomeResponseDto } from './cancellation-application.response.dto';

function answer(receiptNumber: string, outcome: CancellationApplicationOutcome, response: ServerResponse): CancellationApplicationOutcomeResponseDto {
  setETag(response, outcome.version);
  return { receiptNumber, status: outcome.status, cancellationApplication: outcome.cancellationApplication, version: outcome.version };
}

/**
 * Cancellation (注销) is the holder's application, processed by the warehouse
 * (指定钢材厂库交割办法 第十二条): the holder applies or withdraws here, the warehouse rejects here
 * and processes at `process` (ProcessCancellationHttpController).
 */
@Controller('receipts/:receiptNumber/cancellation-application')
export class CancellationApplicationHttpController {
  constructor(@Inject(CancellationApplicationCommandHandler) private readonly handler: CancellationApplicationCommandHandler) {}

  @Post()
  @Roles('depositor')
  @ApiCreatedResponse({ type: CancellationApplicationOutcomeResponseDto, description: 'applied: the receipt awaits the warehouse and does not move meanwhile' })
  async apply(
    @Param('receiptNumber') receiptNumber: string,
    @Body() body: ApplyForCancellationRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CancellationApplicationOutcomeResponseDto> {
    return answer(receiptNumber, await this.handler.apply(receiptNumber, body.purpose, caller, expectedVersionOf(expected)), response);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({ type: CancellationApplicationOutcomeResponseDto, description: 'withdrawn: the receipt is free again' })
  async withdraw(
    @Param('receiptNumber') receiptNumber: string,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CancellationApplicationOutcomeResponseDto> {
    return answer(receiptNumber, await this.handler.withdraw(receiptNumber, caller, expectedVersionOf(expected)), response);
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: CancellationApplicationOutcomeResponseDto, description: 'rejected with the reason: the receipt is free again' })
  async reject(
    @Param('receiptNumber') receiptNumber: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CancellationApplicationOutcomeResponseDto> {
    return answer(receiptNumber, await this.handler.reject(receiptNumber, body.reason, caller, expectedVersionOf(expected)), response);
  }
}
