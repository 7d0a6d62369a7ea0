import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { standardNameOf } from '../../domain/standard-commodity';
import { ResolveCommodityNameCommandHandler } from './resolve-commodity-name.command-handler';
import { ResolveCommodityNameRequestDto } from './resolve-commodity-name.request.dto';
import { ResolveCommodityNameResponseDto } from './resolve-commodity-name.response.dto';

/**
 * Turns a client's name for a commodity into the standard one (rule INV-ALIAS-RESOLUTION:
 * automatically, by the conversion table): the client's aliases, then standard names, then codes,
 * all compared after normalising full-width, case and spaces. An unknown name is refused with 422
 * UNKNOWN_COMMODITY_NAME and the three closest standard names in `details.closest`. The order
 * desk resolves a notice's commodity here before drafting the inbound order.
 */
@Controller('commodities/resolutions')
export class ResolveCommodityNameHttpController {
  constructor(private readonly handler: ResolveCommodityNameCommandHandler) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: ResolveCommodityNameResponseDto, description: 'the standard commodity the name resolves to' })
  async resolve(@Body() body: ResolveCommodityNameRequestDto): Promise<ResolveCommodityNameResponseDto> {
    const commodity = await this.handler.execute({ client: body.client, name: body.name });
    return { code: commodity.code, standardName: standardNameOf(commodity), commodity };
  }
}
