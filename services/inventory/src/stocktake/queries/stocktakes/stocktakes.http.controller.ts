import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiPageResponse, CurrentPrincipal, listScopeOf, Roles, type Principal } from '@dw/platform';
import { ListStocktakesQueryDto } from './stocktakes.query.dto';
import { StocktakesReadModel } from './stocktakes.read-model';
import { StocktakeItemResponseDto, StocktakeResponseDto } from './stocktakes.response.dto';

/**
 * Stocktakes with the evidence behind their variances: staff see every one, a depositor only
 * those over its own storage cards' goods (another party's answers 404 like a missing one).
 */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager', 'ops', 'depositor')
export class StocktakesHttpController {
  constructor(@Inject(StocktakesReadModel) private readonly stocktakes: StocktakesReadModel) {}

  @Get()
  @ApiPageResponse(StocktakeItemResponseDto, 'stocktakes, oldest first')
  list(@Query() query: ListStocktakesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.stocktakes.page(query, listScopeOf(principal));
  }

  @Get(':stocktakeId')
  @ApiOkResponse({
    type: StocktakeResponseDto,
    description: 'the stocktake with its status history and every variance with its count, scale reading, explanations and approval',
  })
  get(@Param('stocktakeId') stocktakeId: string, @CurrentPrincipal() principal: Principal) {
    return this.stocktakes.detail(stocktakeId, listScopeOf(principal));
  }
}
