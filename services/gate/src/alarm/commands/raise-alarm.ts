import { type EventMetadata, type EventStoreTransaction, handleCommandIn } from '@dw/event-store';
import { streams } from '../../common/events/streams';
import type { GateOutbox } from '../../common/integration/gate-outbox';
import { alarmDecider, type Detection } from '../domain/alarm.decider';
import { alarmMessageOf } from '../integration/alarm-events.mapper';

/** Raises an alarm in the caller's transaction (an entry refused, a device's detection): once per alarm id. */
export async function raiseAlarmIn(tx: EventStoreTransaction, outbox: GateOutbox, detection: Detection, at: string, metadata: EventMetadata): Promise<void> {
  await handleCommandIn(tx, {
    ...streams.alarm(detection.alarmId),
    decider: alarmDecider,
    command: { type: 'RaiseAlarm', data: { ...detection, at } },
    metadata,
    outbox: outbox.of(alarmMessageOf),
  });
}
