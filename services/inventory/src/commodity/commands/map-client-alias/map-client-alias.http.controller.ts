import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { CommodityCatalogueCommandHandler } from '../../commodity-catalogue.command-handler';
import { MapClientAliasRequestDto, UnmapClientAliasRequestDto } from './client-alias.request.dto';

/** A client's own naming, mapped to the standard commodity (and unmapped), per client. */
@Controller('commodities/aliases')
export class MapClientAliasHttpController {
  constructor(private readonly catalogue: CommodityCatalogueCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk', 'manager')
  async map(@Body() body: MapClientAliasRequestDto, @CurrentPrincipal() principal: Principal) {
    await this.catalogue.handle({ type: 'MapClientAlias', data: { client: body.client, alias: body.alias, code: body.code } }, principal);
    return { client: body.client, alias: body.alias, code: body.code };
  }

  @Post('removals')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  async unmap(@Body() body: UnmapClientAliasRequestDto, @CurrentPrincipal() principal: Principal) {
    await this.catalogue.handle({ type: 'UnmapClientAlias', data: { client: body.client, alias: body.alias } }, principal);
    return { client: body.client, alias: body.alias, removed: true };
  }
}
