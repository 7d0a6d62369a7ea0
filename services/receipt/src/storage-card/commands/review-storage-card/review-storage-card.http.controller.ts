import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation, expectedVersionOf } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ReasonRequestDto } from '../../../common/http/reason.request.dto';
import { ReviewStorageCardCommandHandler, type CardDecision } from './review-storage-card.command-handler';
import { StorageCardDecisionResponseDto } from './review-storage-card.response.dto';

/** Staff decide on applications and suspend or reinstate cards; a manager or the owner closes one. If-Match is honoured when sent. */
@Controller('storage-cards/:cardNumber')
export class ReviewStorageCardHttpController {
  constructor(@Inject(ReviewStorageCardCommandHandler) private readonly handler: ReviewStorageCardCommandHandler) {}

  @Post('approve')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: StorageCardDecisionResponseDto, description: 'approved: the card may hold and receive receipts' })
  approve(
    @Param('cardNumber') cardNumber: string,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(cardNumber, { type: 'ApproveStorageCard' }, caller, expected, response);
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: StorageCardDecisionResponseDto, description: 'rejected' })
  reject(
    @Param('cardNumber') cardNumber: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(cardNumber, { type: 'RejectStorageCard', reason: body.reason }, caller, expected, response);
  }

  @Post('suspend')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: StorageCardDecisionResponseDto, description: 'suspended: the card may not receive title until reinstated' })
  suspend(
    @Param('cardNumber') cardNumber: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(cardNumber, { type: 'SuspendStorageCard', reason: body.reason }, caller, expected, response);
  }

  @Post('reinstate')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: StorageCardDecisionResponseDto, description: 'reinstated: approved again' })
  reinstate(
    @Param('cardNumber') cardNumber: string,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(cardNumber, { type: 'ReinstateStorageCard' }, caller, expected, response);
  }

  @Post('close')
  @HttpCode(200)
  @Roles('manager', 'depositor')
  @ApiOkResponse({ type: StorageCardDecisionResponseDto, description: 'closed: for good' })
  close(
    @Param('cardNumber') cardNumber: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(cardNumber, { type: 'CloseStorageCard', reason: body.reason }, caller, expected, response);
  }

  private async decide(cardNumber: string, decision: CardDecision, caller: Caller, expected: IfMatchExpectation | undefined, response: ServerResponse) {
    const result = await this.handler.execute(cardNumber, decision, caller, expectedVersionOf(expected));
    setETag(response, result.version);
    return { cardNumber, ...result };
  }
}
