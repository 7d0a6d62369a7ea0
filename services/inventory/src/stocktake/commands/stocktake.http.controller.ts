import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { StocktakeCommandHandler } from '../stocktake.command-handler';
import { ApproveVarianceRequestDto, CountPieceRequestDto, ExplainVarianceRequestDto, StartStocktakeRequestDto } from './stocktake.request.dto';
import { CloseStocktakeResponseDto, StartStocktakeResponseDto, StocktakeChangeResponseDto } from './stocktake.response.dto';

/** Stocktake by scan under a stocktake order: start (book snapshot), count, finish, explain variances, close. */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager')
export class StocktakeHttpController {
  constructor(private readonly stocktakes: StocktakeCommandHandler) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: StartStocktakeResponseDto, description: 'started: the book snapshot is taken' })
  start(@Body() body: StartStocktakeRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.stocktakes.start(body.orderId, { locationIds: body.locationIds, toleranceBps: body.toleranceBps }, principal);
  }

  @Post(':stocktakeId/counts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: StocktakeChangeResponseDto, description: 'counted' })
  count(@Param('stocktakeId') stocktakeId: string, @Body() body: CountPieceRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.stocktakes.count(stocktakeId, { barcode: body.barcode, locationId: body.locationId, weighedKg: body.weighedKg ?? null }, principal);
  }

  @Post(':stocktakeId/count/finish')
  @HttpCode(200)
  @ApiOkResponse({ type: StocktakeChangeResponseDto, description: 'count finished: the variances are found' })
  finish(@Param('stocktakeId') stocktakeId: string, @CurrentPrincipal() principal: Principal) {
    return this.stocktakes.finishCount(stocktakeId, principal);
  }

  @Post(':stocktakeId/variances/:varianceId/explanations')
  @HttpCode(201)
  @ApiCreatedResponse({ type: StocktakeChangeResponseDto, description: 'explanation added to the variance' })
  explain(
    @Param('stocktakeId') stocktakeId: string,
    @Param('varianceId') varianceId: string,
    @Body() body: ExplainVarianceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stocktakes.explain(stocktakeId, varianceId, body.explanation, principal);
  }

  /** Rules INV-WRITE-OFF-APPROVED, INV-VARIANCE-WEIGHT-EVIDENCE: a manager, who did not count, approves a change to the book. */
  @Post(':stocktakeId/variances/:varianceId/approvals')
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: StocktakeChangeResponseDto, description: 'variance approved: closing may apply it to the book' })
  approve(
    @Param('stocktakeId') stocktakeId: string,
    @Param('varianceId') varianceId: string,
    @Body() body: ApproveVarianceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stocktakes.approve(stocktakeId, varianceId, body.reason, principal);
  }

  @Post(':stocktakeId/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CloseStocktakeResponseDto, description: 'closed: the book is corrected by the variances' })
  close(@Param('stocktakeId') stocktakeId: string, @CurrentPrincipal() principal: Principal) {
    return this.stocktakes.close(stocktakeId, principal);
  }
}
