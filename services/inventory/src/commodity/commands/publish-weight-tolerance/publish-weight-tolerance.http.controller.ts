import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { refuse } from '@dw/kernel';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { CommodityCatalogueStream } from '../../commodity-catalogue-stream';
import { PublishWeightToleranceCommandHandler } from './publish-weight-tolerance.command-handler';
import { PublishWeightToleranceRequestDto } from './weight-tolerance.request.dto';
import { WeightTolerancesResponseDto } from './weight-tolerance.response.dto';

/**
 * A commodity's inbound weight tolerance as dated versions (rule INV-TOLERANCE-VERSIONS): a
 * manager publishes one, a lot opened under an inbound order takes the version in force that day.
 */
@Controller('commodities')
export class PublishWeightToleranceHttpController {
  constructor(
    private readonly handler: PublishWeightToleranceCommandHandler,
    private readonly catalogue: CommodityCatalogueStream,
  ) {}

  @Post(':code/weight-tolerances')
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: WeightTolerancesResponseDto, description: 'published: the commodity’s versions, the new one last' })
  async publish(
    @Param('code') code: string,
    @Body() body: PublishWeightToleranceRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WeightTolerancesResponseDto> {
    const handled = await this.handler.execute({ code, effectiveFrom: body.effectiveFrom, toleranceBps: body.toleranceBps }, caller);
    return { code, versions: [...(handled.state.tolerances[code] ?? [])] };
  }

  /** From the catalogue stream: a commodity's few versions, the history lots were judged by. */
  @Get(':code/weight-tolerances')
  @ApiOkResponse({ type: WeightTolerancesResponseDto, description: 'the commodity’s tolerance versions, oldest first' })
  async versions(@Param('code') code: string): Promise<WeightTolerancesResponseDto> {
    const catalogue = await this.catalogue.current();
    if (!catalogue.commodities[code]) throw refuse.notFound('UNKNOWN_COMMODITY', `no commodity ${code}`, { code });
    return { code, versions: [...(catalogue.tolerances[code] ?? [])] };
  }
}
