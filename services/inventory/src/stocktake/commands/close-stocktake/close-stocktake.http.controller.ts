import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { CloseStocktakeCommandHandler } from './close-stocktake.command-handler';
import { CloseStocktakeResponseDto } from './close-stocktake.response.dto';

/** Closing applies each variance with its evidence to the stock book (409 WRITE_OFF_NOT_APPROVED, 409 WEIGHT_VARIANCE_UNVERIFIED otherwise). */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager')
export class CloseStocktakeHttpController {
  constructor(@Inject(CloseStocktakeCommandHandler) private readonly handler: CloseStocktakeCommandHandler) {}

  @Post(':stocktakeId/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CloseStocktakeResponseDto, description: 'closed: the book is corrected by the variances' })
  close(@Param('stocktakeId') stocktakeId: string, @CurrentCaller() caller: Caller) {
    return this.handler.execute(stocktakeId, caller);
  }
}
