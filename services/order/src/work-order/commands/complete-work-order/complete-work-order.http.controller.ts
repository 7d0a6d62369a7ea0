import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentCaller, IfMatchVersion, Roles, setETag, type IfMatchExpectation, type Caller, callerContextOf, expectedVersionOf } from '@dw/platform';
import { CompleteWorkOrderCommandHandler } from './complete-work-order.command-handler';
import { CompleteWorkOrderResponseDto } from './complete-work-order.response.dto';

/**
 * Completes an order whose required steps are all recorded. For an inbound order, inventory
 * makes the lot available when it learns of the completion (order.work-order.v1).
 */
@Controller('work-orders')
export class CompleteWorkOrderHttpController {
  constructor(
    @Inject(CompleteWorkOrderCommandHandler) private readonly handler: CompleteWorkOrderCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':orderId/complete')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: CompleteWorkOrderResponseDto, description: 'completed' })
  async complete(
    @Param('orderId') orderId: string,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const handled = await this.handler.execute(orderId, callerContextOf(caller, this.clock), expectedVersionOf(expected));
    setETag(response, handled.version);
    return { orderId, status: handled.state.status, version: handled.version };
  }
}
