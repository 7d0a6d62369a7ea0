import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { PutAwayCommandHandler } from './put-away.command-handler';
import { PutAwayRequestDto } from './put-away.request.dto';
import { PutAwayResponseDto } from './put-away.response.dto';

/** Puts weighed pieces of a lot away to a location, within its capacity; the last piece placed completes put_away. */
@Controller('lots')
export class PutAwayHttpController {
  constructor(private readonly handler: PutAwayCommandHandler) {}

  @Post(':lotId/put-aways')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: PutAwayResponseDto, description: 'put away: the pieces lie at the location' })
  putAway(@Param('lotId') lotId: string, @Body() body: PutAwayRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(lotId, { locationId: body.locationId, barcodes: body.barcodes }, caller);
  }
}
