import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { GuaranteeResponseDto } from '../../factory.response.dto';
import { guaranteeAnswer } from '../factory-answers';
import { FactoryCommandHandler } from '../factory.command-handler';
import { GuaranteeAdjustmentRequestDto, GuaranteeReductionRequestDto, GuaranteeRequestDto } from './guarantee.request.dto';

/** A factory's own system lodges its guarantee and asks to reduce it (art. 6, 32; signed, the client id is the factory id). */
@Controller('integration/factories/:factoryId')
@IntegrationApi()
@Roles('factory')
export class FactoryGuaranteeHttpController {
  constructor(@Inject(FactoryCommandHandler) private readonly handler: FactoryCommandHandler) {}

  @Post('guarantees')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: GuaranteeResponseDto, description: 'the guarantee lodged (422 GUARANTEE_BELOW_REQUIRED, GUARANTEE_EXPIRED)' })
  async provide(@Param('factoryId') factoryId: string, @Body() body: GuaranteeRequestDto, @CurrentCaller() caller: Caller): Promise<GuaranteeResponseDto> {
    return guaranteeAnswer(await this.handler.provideGuarantee(factoryId, body, caller));
  }

  @Post('guarantee-reduction')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({
    type: GuaranteeResponseDto,
    description: 'the reduction asked for (422 GUARANTEE_REDUCTION_NOT_LOWER, GUARANTEE_REDUCTION_BELOW_ISSUED)',
  })
  async requestReduction(
    @Param('factoryId') factoryId: string,
    @Body() body: GuaranteeReductionRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<GuaranteeResponseDto> {
    return guaranteeAnswer(await this.handler.requestReduction(factoryId, body, caller));
  }
}

/** The exchange demands an adjusted guarantee and approves a reduction (signed). */
@Controller('integration/factories/:factoryId')
@IntegrationApi()
@Roles('exchange')
export class ExchangeGuaranteeHttpController {
  constructor(@Inject(FactoryCommandHandler) private readonly handler: FactoryCommandHandler) {}

  @Post('guarantee-adjustments')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({
    type: GuaranteeResponseDto,
    description: 'the adjustment demanded: no application is approved until a guarantee of that amount is lodged',
  })
  async demand(
    @Param('factoryId') factoryId: string,
    @Body() body: GuaranteeAdjustmentRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<GuaranteeResponseDto> {
    return guaranteeAnswer(await this.handler.demandAdjustment(factoryId, body, caller));
  }

  @Post('guarantee-reduction/approval')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: GuaranteeResponseDto, description: 'the guarantee reduced as asked (409 NO_REDUCTION_REQUESTED)' })
  async approveReduction(@Param('factoryId') factoryId: string, @CurrentCaller() caller: Caller): Promise<GuaranteeResponseDto> {
    return guaranteeAnswer(await this.handler.approveReduction(factoryId, caller));
  }
}
