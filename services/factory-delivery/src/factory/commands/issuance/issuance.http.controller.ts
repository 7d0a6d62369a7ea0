import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { IssuanceResponseDto } from '../../factory.response.dto';
import { issuanceAnswer } from '../factory-answers';
import { FactoryCommandHandler } from '../factory.command-handler';
import { IssuanceApplicationRequestDto, RejectIssuanceRequestDto } from './issuance.request.dto';

/** A factory's own system applies to issue factory receipts (art. 5; signed, the client id is the factory id). */
@Controller('integration/factories/:factoryId/issuance-applications')
@IntegrationApi()
@Roles('factory')
export class ApplyForIssuanceHttpController {
  constructor(@Inject(FactoryCommandHandler) private readonly handler: FactoryCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: IssuanceResponseDto, description: 'the application, pending, with the day the exchange must decide by (409 GUARANTEE_MISSING)' })
  async apply(
    @Param('factoryId') factoryId: string,
    @Body() body: IssuanceApplicationRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuanceResponseDto> {
    const { guarantee, ...request } = body;
    const { handled, applicationId } = await this.handler.apply(factoryId, { request, guarantee: guarantee ?? null }, caller);
    return issuanceAnswer(handled, applicationId);
  }
}

/** The exchange approves or rejects an application (art. 7; signed). */
@Controller('integration/factories/:factoryId/issuance-applications/:applicationId')
@IntegrationApi()
@Roles('exchange')
export class DecideIssuanceHttpController {
  constructor(@Inject(FactoryCommandHandler) private readonly handler: FactoryCommandHandler) {}

  @Post('approval')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({
    type: IssuanceResponseDto,
    description:
      'approved (409 ISSUANCE_EXCEEDS_CAPACITY, GUARANTEE_MISSING, GUARANTEE_LAPSED, GUARANTEE_ADJUSTMENT_UNMET, GUARANTEE_INSUFFICIENT, ISSUANCE_NOT_PENDING)',
  })
  async approve(
    @Param('factoryId') factoryId: string,
    @Param('applicationId') applicationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuanceResponseDto> {
    return issuanceAnswer(await this.handler.approveIssuance(factoryId, applicationId, caller), applicationId);
  }

  @Post('rejection')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: IssuanceResponseDto, description: 'rejected with the reason (409 ISSUANCE_NOT_PENDING)' })
  async reject(
    @Param('factoryId') factoryId: string,
    @Param('applicationId') applicationId: string,
    @Body() body: RejectIssuanceRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuanceResponseDto> {
    return issuanceAnswer(await this.handler.rejectIssuance(factoryId, applicationId, body.reason, caller), applicationId);
  }
}
