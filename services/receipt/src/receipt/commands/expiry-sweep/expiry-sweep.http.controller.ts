import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { currentTraceparent } from '@dw/observability';
import { Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ExpirySweepCommandHandler } from './expiry-sweep.command-handler';
import { ExpirySweepRequestDto } from './expiry-sweep.request.dto';

/** Ops can run the expiry sweep on demand (after downtime, or to check); it is idempotent. */
@Controller('expiry-sweeps')
export class ExpirySweepHttpController {
  constructor(@Inject(ExpirySweepCommandHandler) private readonly handler: ExpirySweepCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('ops', 'manager')
  sweep(@Body() body: ExpirySweepRequestDto, @CurrentCaller() caller: Caller) {
    const role = caller.principal.roles.includes('ops') ? 'ops' : 'manager';
    return this.handler.sweep(
      { actor: { subject: caller.principal.subject, role }, correlationId: caller.correlationId, traceparent: currentTraceparent() },
      body.asOf,
    );
  }
}
