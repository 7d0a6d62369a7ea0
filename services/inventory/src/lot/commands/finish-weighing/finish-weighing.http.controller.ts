import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { FinishWeighingCommandHandler } from './finish-weighing.command-handler';
import { LotChangeResponseDto } from '../lot-change.response.dto';

/** Closes weighing: the lot's net is judged against the notice (an alarm beyond tolerance); the weigh step is done. */
@Controller('lots')
export class FinishWeighingHttpController {
  constructor(private readonly handler: FinishWeighingCommandHandler) {}

  @Post(':lotId/weighing/finish')
  @HttpCode(200)
  @Roles('operator', 'clerk')
  @ApiOkResponse({ type: LotChangeResponseDto, description: 'weighing closed: the lot’s net is judged against the notice' })
  finish(@Param('lotId') lotId: string, @CurrentCaller() caller: Caller) {
    return this.handler.execute(lotId, caller);
  }
}
