import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { ApiPageResponse, IntegrationApi, Roles, setETag } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { issuanceDecider } from '../../domain/issuance.decider';
import { IssuanceApplicationsQueryDto } from './issuance-applications.query.dto';
import { IssuanceApplicationsReadModel } from './issuance-applications.read-model';
import { IssuanceApplicationItemResponseDto, IssuanceApplicationResponseDto } from './issuance-applications.response.dto';

@Controller('issuance-applications')
@Roles('clerk', 'manager', 'ops')
export class IssuanceApplicationsHttpController {
  constructor(
    @Inject(IssuanceApplicationsReadModel) private readonly applications: IssuanceApplicationsReadModel,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiPageResponse(IssuanceApplicationItemResponseDto, 'applications, oldest first (a queue)')
  list(@Query() query: IssuanceApplicationsQueryDto) {
    return this.applications.page(query);
  }

  /** One application from its stream: current, with its version as ETag. */
  @Get(':applicationId')
  @ApiOkResponse({ type: IssuanceApplicationResponseDto, description: 'the application as its stream has it now; its version is the ETag' })
  async get(@Param('applicationId') applicationId: string, @Res({ passthrough: true }) response: ServerResponse) {
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, streams.issuance(applicationId).streamId, issuanceDecider));
    if (!state.application) throw refuse.notFound('ISSUANCE_NOT_FOUND', `no issuance application ${applicationId}`, { applicationId });
    setETag(response, version);
    return { status: state.status, ...state.application, version };
  }
}

/** The exchange's queue of applications to decide (signed requests). */
@Controller('integration/exchange/issuance-applications')
@IntegrationApi()
@Roles('exchange')
export class ExchangeIssuanceApplicationsHttpController {
  constructor(@Inject(IssuanceApplicationsReadModel) private readonly applications: IssuanceApplicationsReadModel) {}

  @Get()
  @ApiPageResponse(IssuanceApplicationItemResponseDto, 'applications, oldest first (a queue)')
  list(@Query() query: IssuanceApplicationsQueryDto) {
    return this.applications.page(query);
  }
}
