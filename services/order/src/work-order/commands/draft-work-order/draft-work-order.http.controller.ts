import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { Clock, IdGenerator } from '@dw/kernel';
import { CLOCK, CurrentCaller, ID_GENERATOR, Roles, setETag, type Caller, callerContextOf } from '@dw/platform';
import { DraftWorkOrderCommandHandler } from './draft-work-order.command-handler';
import { DraftWorkOrderRequestDto } from './draft-work-order.request.dto';
import { DraftWorkOrderResponseDto } from './draft-work-order.response.dto';

/** The order desk drafts an outbound, title-transfer, move or stocktake order. */
@Controller('work-orders')
export class DraftWorkOrderHttpController {
  constructor(
    @Inject(DraftWorkOrderCommandHandler) private readonly handler: DraftWorkOrderCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk', 'manager')
  @ApiCreatedResponse({ type: DraftWorkOrderResponseDto, description: 'drafted' })
  async draft(@Body() body: DraftWorkOrderRequestDto, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: ServerResponse) {
    const orderId = this.ids.next();
    const handled = await this.handler.execute(
      orderId,
      // The type is checked by the decider, so an inbound type gets its own code (INBOUND_NOTICE_REQUIRED).
      {
        type: body.type,
        warehouse: body.warehouse,
        owner: body.owner,
        ownerParty: body.ownerParty,
        commodity: body.commodity,
        arrivalMode: body.arrivalMode ?? null,
        transfer: body.transfer ?? null,
        lots: body.lots ?? null,
      },
      callerContextOf(caller, this.clock),
    );
    setETag(response, handled.version);
    return { orderId, status: handled.state.status, version: handled.version };
  }
}
