import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Idempotent, IfMatchVersion, IntegrationApi, Roles, setETag, type IfMatchExpectation, expectedVersionOf } from '@dw/platform';
import { actorOf, CurrentCaller, type Caller } from '../../../common/http/caller';
import { PlaceHoldCommandHandler } from './place-hold.command-handler';
import { AuthorityHoldRequestDto, PledgeReceiptRequestDto } from './place-hold.request.dto';
import { PlaceHoldResponseDto } from './place-hold.response.dto';

@Controller('receipts/:receiptNumber/pledges')
export class PledgeReceiptHttpController {
  constructor(@Inject(PlaceHoldCommandHandler) private readonly handler: PlaceHoldCommandHandler) {}

  /** The holder pledges to a bank that is one of our integration clients, since only it can ever release the pledge. */
  @Post()
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: PlaceHoldResponseDto, description: 'pledged: the receipt is held for the bank until it releases it' })
  async pledge(
    @Param('receiptNumber') receiptNumber: string,
    @Body() body: PledgeReceiptRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PlaceHoldResponseDto> {
    const actor = actorOf(caller.principal, ['depositor']);
    const beneficiary = this.handler.pledgeeBank(body.bank);
    const result = await this.handler.execute(receiptNumber, { kind: 'pledge', beneficiary, reason: body.reason }, actor, caller, expectedVersionOf(expected));
    setETag(response, result.version);
    return { receiptNumber, holdId: result.holdId, kind: 'pledge', beneficiary, version: result.version };
  }
}

/** Freezes and delivery holds by the exchange or a court, signed, in the caller's own name. */
@Controller('integration/receipts/:receiptNumber/holds')
@IntegrationApi()
@Roles('exchange', 'court')
export class AuthorityHoldHttpController {
  constructor(@Inject(PlaceHoldCommandHandler) private readonly handler: PlaceHoldCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: PlaceHoldResponseDto, description: 'held: frozen or allocated to delivery until the caller releases it' })
  async hold(@Param('receiptNumber') receiptNumber: string, @Body() body: AuthorityHoldRequestDto, @CurrentCaller() caller: Caller) {
    const actor = actorOf(caller.principal, ['exchange', 'court']);
    const beneficiary = { kind: actor.role as 'exchange' | 'court', partyId: actor.partyId!, name: caller.principal.name ?? caller.principal.subject };
    const result = await this.handler.execute(receiptNumber, { kind: body.kind, beneficiary, reason: body.reason }, actor, caller);
    return { receiptNumber, holdId: result.holdId, kind: body.kind, beneficiary, version: result.version };
  }
}
