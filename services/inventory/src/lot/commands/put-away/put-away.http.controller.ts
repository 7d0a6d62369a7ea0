import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { LotCommandHandler } from '../../lot.command-handler';
import { PutAwayRequestDto } from './put-away.request.dto';

/** Puts weighed pieces of a lot away to a location, within its capacity; the last piece placed completes put_away. */
@Controller('lots')
export class PutAwayHttpController {
  constructor(private readonly lots: LotCommandHandler) {}

  @Post(':lotId/put-aways')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  putAway(@Param('lotId') lotId: string, @Body() body: PutAwayRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.lots.putAway(lotId, { locationId: body.locationId, barcodes: body.barcodes }, principal);
  }
}
