import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { staffDecider, type StaffCommand } from '../../domain/staff.decider';
import type { StaffResponseDto } from '../../person.response.dto';

/** Managers enrol staff for the face lanes and deactivate them: one stream per staff id. */
@Injectable()
export class StaffCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  register(body: { staffId: string; name: string; residentIdNumber: string }, caller: Caller): Promise<StaffResponseDto> {
    return this.decide(body.staffId, caller, (actor, at) => ({ type: 'RegisterStaff', data: { ...body, actor, at } }));
  }

  deactivate(staffId: string, body: { reason: string }, caller: Caller): Promise<StaffResponseDto> {
    return this.decide(staffId, caller, (actor, at) => ({ type: 'DeactivateStaff', data: { staffId, reason: body.reason, actor, at } }));
  }

  private async decide(
    staffId: string,
    caller: Caller,
    command: (actor: StaffCommand['data']['actor'], at: string) => StaffCommand,
  ): Promise<StaffResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['manager']);
    const handled = await handleCommand(this.store, { ...streams.staff(staffId), decider: staffDecider, command: command(actor, at), metadata });
    return { staffId, name: handled.state.name!, status: handled.state.status! };
  }
}
