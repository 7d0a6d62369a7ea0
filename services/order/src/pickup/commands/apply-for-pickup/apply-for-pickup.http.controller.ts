import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { Clock } from '@dw/kernel';
import { callerContextOf, CLOCK, CurrentCaller, Roles, setETag, type Caller } from '@dw/platform';
import { ApplyForPickupCommandHandler } from './apply-for-pickup.command-handler';
import { ApplyForPickupRequestDto } from './apply-for-pickup.request.dto';
import { ApplyForPickupResponseDto } from './apply-for-pickup.response.dto';

/**
 * The holder applies to pick up the goods of an entitlement (a receipt cancelled for pickup, or
 * converted to spot goods that stay in store): the entitlement's one outbound order opens from
 * the application, carrying it for the floor and the gate.
 */
@Controller('entitlements')
export class ApplyForPickupHttpController {
  constructor(
    @Inject(ApplyForPickupCommandHandler) private readonly handler: ApplyForPickupCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':entitlementId/pickup-application')
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: ApplyForPickupResponseDto, description: 'applied: the outbound order is open' })
  async apply(
    @Param('entitlementId') entitlementId: string,
    @Body() body: ApplyForPickupRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const handled = await this.handler.execute(entitlementId, body, caller.principal.partyId ?? '', callerContextOf(caller, this.clock));
    setETag(response, handled.version);
    return { entitlementId, orderId: handled.state.status === 'none' ? '' : handled.state.orderId, status: handled.state.status, version: handled.version };
  }
}
