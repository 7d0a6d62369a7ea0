import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { MapClientAliasCommandHandler } from './map-client-alias.command-handler';
import { MapClientAliasRequestDto, UnmapClientAliasRequestDto } from './client-alias.request.dto';
import { MapClientAliasResponseDto, UnmapClientAliasResponseDto } from './client-alias.response.dto';

/** A client's own naming, mapped to the standard commodity (and unmapped), per client. */
@Controller('commodities/aliases')
export class MapClientAliasHttpController {
  constructor(private readonly handler: MapClientAliasCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk', 'manager')
  @ApiCreatedResponse({ type: MapClientAliasResponseDto, description: 'mapped: the client’s name now resolves to the commodity' })
  async map(@Body() body: MapClientAliasRequestDto, @CurrentCaller() caller: Caller): Promise<MapClientAliasResponseDto> {
    await this.handler.execute({ type: 'MapClientAlias', data: { client: body.client, alias: body.alias, code: body.code } }, caller);
    return { client: body.client, alias: body.alias, code: body.code };
  }

  @Post('removals')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: UnmapClientAliasResponseDto, description: 'unmapped: the alias is gone from the client’s table' })
  async unmap(@Body() body: UnmapClientAliasRequestDto, @CurrentCaller() caller: Caller): Promise<UnmapClientAliasResponseDto> {
    await this.handler.execute({ type: 'UnmapClientAlias', data: { client: body.client, alias: body.alias } }, caller);
    return { client: body.client, alias: body.alias, removed: true };
  }
}
