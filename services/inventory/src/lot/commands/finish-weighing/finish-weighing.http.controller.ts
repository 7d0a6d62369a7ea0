import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { LotCommandHandler } from '../../lot.command-handler';

/** Closes weighing: the lot's net is judged against the notice (an alarm beyond tolerance); the weigh step is done. */
@Controller('lots')
export class FinishWeighingHttpController {
  constructor(private readonly lots: LotCommandHandler) {}

  @Post(':lotId/weighing/finish')
  @HttpCode(200)
  @Roles('operator', 'clerk')
  finish(@Param('lotId') lotId: string, @CurrentPrincipal() principal: Principal) {
    return this.lots.finishWeighing(lotId, principal);
  }
}
