import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentCaller, IfMatchVersion, Roles, setETag, type IfMatchExpectation, type Caller, callerContextOf, expectedVersionOf } from '@dw/platform';
import { OpenWorkOrderCommandHandler } from './open-work-order.command-handler';
import { OpenWorkOrderResponseDto } from './open-work-order.response.dto';

/** Opens a draft: it pins the workflow chosen now and starts authorising operations. */
@Controller('work-orders')
export class OpenWorkOrderHttpController {
  constructor(
    @Inject(OpenWorkOrderCommandHandler) private readonly handler: OpenWorkOrderCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':orderId/open')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: OpenWorkOrderResponseDto, description: 'opened under the workflow version pinned now' })
  async open(
    @Param('orderId') orderId: string,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const handled = await this.handler.execute(orderId, callerContextOf(caller, this.clock), expectedVersionOf(expected));
    setETag(response, handled.version);
    const workflow = handled.state.status === 'none' ? null : handled.state.workflow;
    return {
      orderId,
      status: handled.state.status,
      version: handled.version,
      workflow: workflow && { workflowId: workflow.workflowId, version: workflow.version },
    };
  }
}
