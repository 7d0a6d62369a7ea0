import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { LotCommandHandler } from '../../lot.command-handler';

/** Closes the tally: the pieces scanned are the pieces received; the order's unload_tally step is done. */
@Controller('lots')
export class FinishTallyHttpController {
  constructor(private readonly lots: LotCommandHandler) {}

  @Post(':lotId/tally/finish')
  @HttpCode(200)
  @Roles('operator', 'clerk')
  finish(@Param('lotId') lotId: string, @CurrentPrincipal() principal: Principal) {
    return this.lots.finishTally(lotId, principal);
  }
}
