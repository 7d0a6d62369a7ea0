import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { LoadOutCommandHandler } from './load-out.command-handler';
import { LoadOutRequestDto } from './load-out.request.dto';
import { LoadOutResponseDto } from './load-out.response.dto';

/** The weighed load leaves the warehouse: stock shipped out per lot, the load-out note issued. */
@Controller('outbound-orders')
export class LoadOutHttpController {
  constructor(@Inject(LoadOutCommandHandler) private readonly handler: LoadOutCommandHandler) {}

  @Post(':orderId/load-outs')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: LoadOutResponseDto, description: 'loaded out' })
  loadOut(@Param('orderId') orderId: string, @Body() body: LoadOutRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(orderId, body.vehicle ?? null, caller);
  }
}
