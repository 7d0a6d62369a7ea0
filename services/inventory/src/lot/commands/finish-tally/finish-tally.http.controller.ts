import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { FinishTallyCommandHandler } from './finish-tally.command-handler';
import { LotChangeResponseDto } from '../lot-change.response.dto';

/** Closes the tally: the pieces scanned are the pieces received; the order's unload_tally step is done. */
@Controller('lots')
export class FinishTallyHttpController {
  constructor(private readonly handler: FinishTallyCommandHandler) {}

  @Post(':lotId/tally/finish')
  @HttpCode(200)
  @Roles('operator', 'clerk')
  @ApiOkResponse({ type: LotChangeResponseDto, description: 'tally closed: the pieces scanned are the pieces received' })
  finish(@Param('lotId') lotId: string, @CurrentCaller() caller: Caller) {
    return this.handler.execute(lotId, caller);
  }
}
