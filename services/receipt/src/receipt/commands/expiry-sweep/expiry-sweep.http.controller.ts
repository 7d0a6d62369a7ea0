import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { currentTraceparent } from '@dw/observability';
import { Roles } from '@dw/platform';
import { CurrentActing, type Acting } from '../../../common/http/acting';
import { ExpirySweepCommandHandler } from './expiry-sweep.command-handler';
import { ExpirySweepRequestDto } from './expiry-sweep.request.dto';

/** Ops can run the expiry sweep on demand (after downtime, or to check); it is idempotent. */
@Controller('expiry-sweeps')
export class ExpirySweepHttpController {
  constructor(@Inject(ExpirySweepCommandHandler) private readonly handler: ExpirySweepCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('ops', 'manager')
  sweep(@Body() body: ExpirySweepRequestDto, @CurrentActing() acting: Acting) {
    const role = acting.principal.roles.includes('ops') ? 'ops' : 'manager';
    return this.handler.sweep({ actor: { subject: acting.principal.subject, role }, correlationId: acting.correlationId, traceparent: currentTraceparent() }, body.asOf);
  }
}
