import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentCaller, IfMatchVersion, Roles, setETag, type IfMatchExpectation, type Caller, callerContextOf, expectedVersionOf } from '@dw/platform';
import { RecordStepCommandHandler } from './record-step.command-handler';
import { RecordStepRequestDto } from './record-step.request.dto';
import { RecordStepResponseDto } from './record-step.response.dto';

/** Records a desk step (notice accepted, goods arrived, plan, title verified, confirmed) under an order. */
@Controller('work-orders')
export class RecordStepHttpController {
  constructor(
    @Inject(RecordStepCommandHandler) private readonly handler: RecordStepCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':orderId/steps')
  @HttpCode(201)
  @Roles('operator', 'clerk', 'manager')
  @ApiCreatedResponse({ type: RecordStepResponseDto, description: 'the step is recorded in the order’s history' })
  async record(
    @Param('orderId') orderId: string,
    @Body() body: RecordStepRequestDto,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const handled = await this.handler.execute(orderId, body.step, body.evidence ?? null, callerContextOf(caller, this.clock), expectedVersionOf(expected));
    setETag(response, handled.version);
    const order = handled.state;
    return { orderId, status: order.status, version: handled.version, sequence: order.status === 'none' ? 0 : order.history.length };
  }
}
