import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { StocktakeChangeResponseDto } from '../stocktake-change.response.dto';
import { CountPieceCommandHandler } from './count-piece.command-handler';
import { CountPieceRequestDto } from './count-piece.request.dto';

/** A piece found during the count, scanned where it lies. */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager')
export class CountPieceHttpController {
  constructor(@Inject(CountPieceCommandHandler) private readonly handler: CountPieceCommandHandler) {}

  @Post(':stocktakeId/counts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: StocktakeChangeResponseDto, description: 'counted' })
  count(@Param('stocktakeId') stocktakeId: string, @Body() body: CountPieceRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(stocktakeId, { barcode: body.barcode, locationId: body.locationId, weighedKg: body.weighedKg ?? null }, caller);
  }
}
