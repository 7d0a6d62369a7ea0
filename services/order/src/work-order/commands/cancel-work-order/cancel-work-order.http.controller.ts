import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentCaller, IfMatchVersion, Roles, setETag, type IfMatchExpectation, type Caller, callerContextOf, expectedVersionOf } from '@dw/platform';
import { CancelWorkOrderCommandHandler } from './cancel-work-order.command-handler';
import { CancelWorkOrderRequestDto } from './cancel-work-order.request.dto';
import { CancelWorkOrderResponseDto } from './cancel-work-order.response.dto';

/** Cancels an order with a reason, while no step that moves goods has been recorded under it. */
@Controller('work-orders')
export class CancelWorkOrderHttpController {
  constructor(
    @Inject(CancelWorkOrderCommandHandler) private readonly handler: CancelWorkOrderCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':orderId/cancel')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: CancelWorkOrderResponseDto, description: 'cancelled: no operation may be done under it any more' })
  async cancel(
    @Param('orderId') orderId: string,
    @Body() body: CancelWorkOrderRequestDto,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const handled = await this.handler.execute(orderId, body.reason, callerContextOf(caller, this.clock), expectedVersionOf(expected));
    setETag(response, handled.version);
    return { orderId, status: handled.state.status, version: handled.version };
  }
}
