import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { StockHoldResponseDto } from '../stock-hold.response.dto';
import { PlaceHoldCommandHandler } from './place-hold.command-handler';
import { PlaceHoldRequestDto } from './place-hold.request.dto';

/** Holds on a lot's stock: staff place them for a holder with a reason; only the holder releases one. */
@Controller('stock')
export class PlaceHoldHttpController {
  constructor(private readonly handler: PlaceHoldCommandHandler) {}

  @Post(':lotId/holds')
  @HttpCode(201)
  @Roles('clerk', 'manager')
  @ApiCreatedResponse({ type: StockHoldResponseDto, description: 'held: the lot’s stock with the hold counted' })
  place(@Param('lotId') lotId: string, @Body() body: PlaceHoldRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(
      lotId,
      { holdId: body.holdId, kind: body.kind, quantity: { pieces: body.pieces, kg: body.kg }, reason: body.reason, holder: body.holder },
      caller,
    );
  }
}
