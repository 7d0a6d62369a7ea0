import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentCaller, callerContextOf, Roles, type Caller } from '@dw/platform';
import type { Actor, ActorRole } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { alarmDecider, type AlarmCommand } from '../../domain/alarm.decider';
import { alarmMessageOf } from '../../integration/alarm-events.mapper';
import { CloseAlarmRequestDto, HandleAlarmRequestDto } from './alarm-step.dto';

/** Where an alarm is in its loop after a step. */
export class AlarmStepResponseDto {
  @ApiProperty({ type: String, description: 'the alarm' })
  alarmId!: string;

  @ApiProperty({ enum: ['alerted', 'acknowledged', 'handled', 'closed'], description: 'its step now' })
  status!: string;
}

const ON_DUTY: readonly ActorRole[] = ['gate_guard', 'ops', 'manager'];
// A person who is both a guard and ops closes as ops: closing is ops' or a manager's.
const CLOSERS: readonly ActorRole[] = ['ops', 'manager'];

/** The people on duty take an alarm through its loop: acknowledge, handle (with a note), close (only once handled). */
@Controller('alarms/:alarmId')
export class AlarmStepsHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
  ) {}

  @Post('acknowledge')
  @HttpCode(200)
  @Roles('gate_guard', 'ops', 'manager')
  @ApiOkResponse({ type: AlarmStepResponseDto, description: 'acknowledged, with who and when' })
  acknowledge(@Param('alarmId') alarmId: string, @CurrentCaller() caller: Caller): Promise<AlarmStepResponseDto> {
    return this.step(alarmId, caller, ON_DUTY, (actor, at) => ({ type: 'AcknowledgeAlarm', data: { alarmId, actor, at } }));
  }

  @Post('handle')
  @HttpCode(200)
  @Roles('gate_guard', 'ops', 'manager')
  @ApiOkResponse({ type: AlarmStepResponseDto, description: 'handled, with the note, who and when' })
  handle(@Param('alarmId') alarmId: string, @Body() body: HandleAlarmRequestDto, @CurrentCaller() caller: Caller): Promise<AlarmStepResponseDto> {
    return this.step(alarmId, caller, ON_DUTY, (actor, at) => ({ type: 'HandleAlarm', data: { alarmId, note: body.note, actor, at } }));
  }

  @Post('close')
  @HttpCode(200)
  @Roles('ops', 'manager')
  @ApiOkResponse({ type: AlarmStepResponseDto, description: 'closed (409 ALARM_NOT_HANDLED before it is handled)' })
  close(@Param('alarmId') alarmId: string, @Body() body: CloseAlarmRequestDto, @CurrentCaller() caller: Caller): Promise<AlarmStepResponseDto> {
    return this.step(alarmId, caller, CLOSERS, (actor, at) => ({ type: 'CloseAlarm', data: { alarmId, note: body.note ?? '', actor, at } }));
  }

  private async step(
    alarmId: string,
    caller: Caller,
    roles: readonly ActorRole[],
    command: (actor: Actor, at: string) => AlarmCommand,
  ): Promise<AlarmStepResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, roles);
    const handled = await handleCommand(this.store, {
      ...streams.alarm(alarmId),
      decider: alarmDecider,
      command: command(actor, at),
      metadata,
      outbox: this.outbox.of(alarmMessageOf),
    });
    return { alarmId, status: handled.state.status! };
  }
}
