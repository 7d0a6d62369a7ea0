import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { StocktakeChangeResponseDto } from '../stocktake-change.response.dto';
import { FinishCountCommandHandler } from './finish-count.command-handler';

/** The count is finished: the stocktake compares it with the book and records each variance. */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager')
export class FinishCountHttpController {
  constructor(@Inject(FinishCountCommandHandler) private readonly handler: FinishCountCommandHandler) {}

  @Post(':stocktakeId/count/finish')
  @HttpCode(200)
  @ApiOkResponse({ type: StocktakeChangeResponseDto, description: 'count finished: the variances are found' })
  finish(@Param('stocktakeId') stocktakeId: string, @CurrentCaller() caller: Caller) {
    return this.handler.execute(stocktakeId, caller);
  }
}
