import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { StocktakeChangeResponseDto } from '../stocktake-change.response.dto';
import { ApproveVarianceCommandHandler } from './approve-variance.command-handler';
import { ApproveVarianceRequestDto } from './approve-variance.request.dto';

/** Rules INV-WRITE-OFF-APPROVED, INV-VARIANCE-WEIGHT-EVIDENCE: a manager, who did not count, approves a change to the book. */
@Controller('stocktakes')
@Roles('manager')
export class ApproveVarianceHttpController {
  constructor(@Inject(ApproveVarianceCommandHandler) private readonly handler: ApproveVarianceCommandHandler) {}

  @Post(':stocktakeId/variances/:varianceId/approvals')
  @HttpCode(201)
  @ApiCreatedResponse({ type: StocktakeChangeResponseDto, description: 'variance approved: closing may apply it to the book' })
  approve(
    @Param('stocktakeId') stocktakeId: string,
    @Param('varianceId') varianceId: string,
    @Body() body: ApproveVarianceRequestDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.handler.execute(stocktakeId, varianceId, body.reason, caller);
  }
}
