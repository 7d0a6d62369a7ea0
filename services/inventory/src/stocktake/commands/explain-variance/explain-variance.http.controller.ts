import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { StocktakeChangeResponseDto } from '../stocktake-change.response.dto';
import { ExplainVarianceCommandHandler } from './explain-variance.command-handler';
import { ExplainVarianceRequestDto } from './explain-variance.request.dto';

/** Why a variance happened: every stocktake closes only when each of its variances has an explanation. */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager')
export class ExplainVarianceHttpController {
  constructor(@Inject(ExplainVarianceCommandHandler) private readonly handler: ExplainVarianceCommandHandler) {}

  @Post(':stocktakeId/variances/:varianceId/explanations')
  @HttpCode(201)
  @ApiCreatedResponse({ type: StocktakeChangeResponseDto, description: 'explanation added to the variance' })
  explain(
    @Param('stocktakeId') stocktakeId: string,
    @Param('varianceId') varianceId: string,
    @Body() body: ExplainVarianceRequestDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.handler.execute(stocktakeId, varianceId, body.explanation, caller);
  }
}
