import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { Clock, IdGenerator } from '@dw/kernel';
import { CLOCK, CurrentCaller, ID_GENERATOR, Roles, setETag, type Caller, callerContextOf } from '@dw/platform';
import { DraftInboundOrderCommandHandler } from './draft-inbound-order.command-handler';
import { DraftInboundOrderRequestDto } from './draft-inbound-order.request.dto';
import { DraftInboundOrderResponseDto } from './draft-inbound-order.response.dto';

/** The order desk drafts an inbound order from a depositor's inbound notice (入库预报). */
@Controller('inbound-orders')
export class DraftInboundOrderHttpController {
  constructor(
    @Inject(DraftInboundOrderCommandHandler) private readonly handler: DraftInboundOrderCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk', 'manager')
  @ApiCreatedResponse({ type: DraftInboundOrderResponseDto, description: 'drafted: an inbound order for the notice' })
  async draft(@Body() body: DraftInboundOrderRequestDto, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: ServerResponse) {
    const orderId = this.ids.next();
    const handled = await this.handler.execute(
      orderId,
      { warehouse: body.warehouse, ownerParty: body.ownerParty, notice: body.notice },
      callerContextOf(caller, this.clock),
    );
    setETag(response, handled.version);
    return { orderId, status: handled.state.status, version: handled.version };
  }
}
