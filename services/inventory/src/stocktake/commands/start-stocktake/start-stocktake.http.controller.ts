import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { StartStocktakeCommandHandler } from './start-stocktake.command-handler';
import { StartStocktakeRequestDto } from './start-stocktake.request.dto';
import { StartStocktakeResponseDto } from './start-stocktake.response.dto';

/** Stocktake by scan under a stocktake order: started with a snapshot of the book of the locations counted. */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager')
export class StartStocktakeHttpController {
  constructor(@Inject(StartStocktakeCommandHandler) private readonly handler: StartStocktakeCommandHandler) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: StartStocktakeResponseDto, description: 'started: the book snapshot is taken' })
  start(@Body() body: StartStocktakeRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(body.orderId, { locationIds: body.locationIds, toleranceBps: body.toleranceBps }, caller);
  }
}
