import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { RegisterCommodityCommandHandler } from './register-commodity.command-handler';
import { standardNameOf } from '../../domain/standard-commodity';
import { NamedCommodityResponseDto } from '../../standard-commodity.response.dto';
import { RegisterCommodityRequestDto } from './register-commodity.request.dto';

@Controller('commodities')
export class RegisterCommodityHttpController {
  constructor(private readonly handler: RegisterCommodityCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: NamedCommodityResponseDto, description: 'registered, in canonical form, with its standard name' })
  async register(@Body() body: RegisterCommodityRequestDto, @CurrentCaller() caller: Caller): Promise<NamedCommodityResponseDto> {
    const commodity = { model: '', material: '', grade: '', ...body };
    const handled = await this.handler.execute(commodity, caller);
    const registered = handled.state.commodities[body.code]!;
    return { ...registered, standardName: standardNameOf(registered) };
  }
}
