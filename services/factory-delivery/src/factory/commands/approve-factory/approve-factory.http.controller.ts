import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { FactoryResponseDto } from '../../factory.response.dto';
import { factoryAnswer } from '../factory-answers';
import { FactoryCommandHandler } from '../factory.command-handler';
import { ApproveFactoryRequestDto, FactoryTermsDto } from './factory-terms.request.dto';

/** The exchange approves factory warehouses and sets each later version of their terms (signed). */
@Controller('integration/factories')
@IntegrationApi()
@Roles('exchange')
export class ApproveFactoryHttpController {
  constructor(@Inject(FactoryCommandHandler) private readonly handler: FactoryCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: FactoryResponseDto, description: 'the factory approved, with its first terms (409 FACTORY_ALREADY_APPROVED)' })
  async approve(@Body() body: ApproveFactoryRequestDto, @CurrentCaller() caller: Caller): Promise<FactoryResponseDto> {
    return factoryAnswer(await this.handler.approveFactory(body, caller));
  }

  @Post(':factoryId/terms')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({
    type: FactoryResponseDto,
    description: 'the factory with the new version recorded (422 TERMS_EFFECTIVE_DATE_PAST, CAPACITY_BELOW_ISSUED)',
  })
  async terms(@Param('factoryId') factoryId: string, @Body() body: FactoryTermsDto, @CurrentCaller() caller: Caller): Promise<FactoryResponseDto> {
    return factoryAnswer(await this.handler.changeTerms(factoryId, body, caller));
  }
}
