import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { currentTraceparent } from '@dw/observability';
import { Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { ExpireListingsCommandHandler } from './expire-listings.command-handler';
import { ExpireListingsResponseDto } from './expire-listings.response.dto';

/** Ops can run the listing expiry sweep on demand (after downtime, or to check); it is idempotent. */
@Controller('trading/listing-expiry-sweeps')
export class ExpireListingsHttpController {
  constructor(@Inject(ExpireListingsCommandHandler) private readonly handler: ExpireListingsCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('ops', 'manager')
  @ApiOkResponse({ type: ExpireListingsResponseDto, description: 'swept: the listings this run closed at the end of their trading day' })
  async sweep(@CurrentCaller() caller: Caller): Promise<ExpireListingsResponseDto> {
    const role = caller.principal.roles.includes('ops') ? 'ops' : 'manager';
    const result = await this.handler.sweep({
      actor: { subject: caller.principal.subject, role },
      correlationId: caller.correlationId,
      traceparent: currentTraceparent(),
    });
    return { expired: [...result.expired] };
  }
}
