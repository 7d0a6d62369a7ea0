import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiPageResponse, CurrentPrincipal, IntegrationApi, Roles, type Principal } from '@dw/platform';
import { FactoryResponseDto, GuaranteeResponseDto, IssuanceApplicationResponseDto } from '../../factory.response.dto';
import { FactoriesQueryDto, FactoryQueryDto, IssuanceApplicationsQueryDto } from './factories.query.dto';
import { FactoryViews } from './factory-views';

/** Holders and warehouse staff read the factories the exchange approved: terms in force on a day, every version. */
@Controller('factories')
@Roles('depositor', 'manager', 'ops')
export class FactoriesHttpController {
  constructor(@Inject(FactoryViews) private readonly views: FactoryViews) {}

  @Get()
  @ApiPageResponse(FactoryResponseDto, 'factories by id, each with the terms in force on `on` (today when left out)')
  factories(@Query() query: FactoriesQueryDto) {
    return this.views.factories(query);
  }

  @Get(':factoryId')
  @ApiOkResponse({ type: FactoryResponseDto, description: 'the factory, the terms in force on `on` and every version (404 FACTORY_NOT_FOUND)' })
  factory(@Param('factoryId') factoryId: string, @Query() query: FactoryQueryDto) {
    return this.views.factory(factoryId, query.on);
  }
}

/** The exchange and the factories' own systems read factories, and a factory its guarantee and applications (signed). */
@Controller('integration/factories')
@IntegrationApi()
@Roles('exchange', 'factory')
export class IntegrationFactoriesHttpController {
  constructor(@Inject(FactoryViews) private readonly views: FactoryViews) {}

  @Get()
  @ApiPageResponse(FactoryResponseDto, 'factories by id, each with the terms in force on `on` (today when left out)')
  factories(@Query() query: FactoriesQueryDto) {
    return this.views.factories(query);
  }

  @Get(':factoryId')
  @ApiOkResponse({ type: FactoryResponseDto, description: 'the factory, the terms in force on `on` and every version (404 FACTORY_NOT_FOUND)' })
  factory(@Param('factoryId') factoryId: string, @Query() query: FactoryQueryDto) {
    return this.views.factory(factoryId, query.on);
  }

  @Get(':factoryId/guarantee')
  @ApiOkResponse({ type: GuaranteeResponseDto, description: 'the guarantee, the adjustment demanded and the reduction asked for (a factory: its own only)' })
  guarantee(@Param('factoryId') factoryId: string, @CurrentPrincipal() principal: Principal) {
    return this.views.guarantee(factoryId, principal);
  }

  @Get(':factoryId/issuance-applications')
  @ApiPageResponse(IssuanceApplicationResponseDto, 'the factory’s applications in the order made, optionally in one status (a factory: its own only)')
  applications(@Param('factoryId') factoryId: string, @Query() query: IssuanceApplicationsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.views.applications(factoryId, principal, query);
  }
}
