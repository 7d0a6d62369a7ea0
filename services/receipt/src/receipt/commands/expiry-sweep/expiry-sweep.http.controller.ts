import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { currentTraceparent } from '@dw/observability';
import { Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ExpirySweepCommandHandler } from './expiry-sweep.command-handler';
import { ExpirySweepRequestDto } from './expiry-sweep.request.dto';
import { ExpirySweepResponseDto } from './expiry-sweep.response.dto';

/** Ops can run the expiry sweep on demand (after downtime, or to check); it is idempotent. */
@Controller('expiry-sweeps')
export class ExpirySweepHttpController {
  constructor(@Inject(ExpirySweepCommandHandler) private readonly handler: ExpirySweepCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('ops', 'manager')
  @ApiOkResponse({ type: ExpirySweepResponseDto, description: 'swept: the receipts this run flagged expired' })
  sweep(@Body() body: ExpirySweepRequestDto, @CurrentCaller() caller: Caller) {
    const role = caller.principal.roles.includes('ops') ? 'ops' : 'manager';
    return this.handler.sweep(
      { actor: { subject: caller.principal.subject, role }, correlationId: caller.correlationId, traceparent: currentTraceparent() },
      body.asOf,
    );
  }
}
