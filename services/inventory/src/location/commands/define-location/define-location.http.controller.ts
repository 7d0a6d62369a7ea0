import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { DefineLocationCommandHandler } from './define-location.command-handler';
import { DefineLocationRequestDto } from './define-location.request.dto';
import { DefineLocationResponseDto } from './define-location.response.dto';

@Controller('locations')
export class DefineLocationHttpController {
  constructor(private readonly handler: DefineLocationCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: DefineLocationResponseDto, description: 'defined' })
  async define(@Body() body: DefineLocationRequestDto, @CurrentCaller() caller: Caller): Promise<DefineLocationResponseDto> {
    const handled = await this.handler.execute(
      {
        locationId: body.locationId,
        warehouse: body.warehouse,
        area: body.area,
        row: body.row,
        slot: body.slot,
        capacityKg: body.capacityKg ?? null,
        capacityPieces: body.capacityPieces ?? null,
      },
      caller,
    );
    return { locationId: body.locationId, version: handled.version };
  }
}
