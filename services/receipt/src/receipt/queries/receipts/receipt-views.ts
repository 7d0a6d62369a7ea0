import { Inject, Injectable } from '@nestjs/common';
import { EventStore, loadAggregate, verifyStream } from '@dw/event-store';
import { refuse, type BusinessCalendar } from '@dw/kernel';
import { BusinessCalendars } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { lastTradingDayWithin } from '../../../receipt-rule/domain/receipt-validity';
import { receiptDecider } from '../../domain/receipt.decider';
import type { ReceiptState } from '../../domain/receipt.state';

export type ReceiptView = ReturnType<typeof viewOf>;

function viewOf(state: ReceiptState & { record: NonNullable<ReceiptState['record']> }, version: number, calendar: BusinessCalendar) {
  const { record } = state;
  return {
    receiptNumber: record.receiptNumber,
    status: state.status,
    commodity: record.commodity,
    brand: record.brand,
    grade: record.grade,
    warehouseId: record.warehouseId,
    weightKg: record.weightKg,
    lots: record.lots,
    productionDates: record.productionDates,
    holder: record.holder,
    issueDate: record.issueDate,
    validUntil: record.validUntil,
    lastTradingDay: lastTradingDayWithin(calendar, record.validUntil),
    storageFeesPaidThrough: record.storageFeesPaidThrough,
    ruleVersion: record.rule.version,
    lineage: record.lineage,
    holds: state.holds,
    successors: state.successors,
    cancellationApplication: state.cancellationApplication,
    shortfalls: state.shortfalls,
    version,
  };
}

/**
 * A receipt and its tamper-evident history, read from its own stream (always current), for
 * holders, staff and the exchange alike; callers decide who may see which receipt.
 */
@Injectable()
export class ReceiptViews {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  async receipt(receiptNumber: string): Promise<ReceiptView> {
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, streams.receipt(receiptNumber).streamId, receiptDecider));
    if (!state.record) throw receiptNotFound(receiptNumber);
    return viewOf({ ...state, record: state.record }, version, this.calendars.current());
  }

  /**
   * Every event of the receipt with its actor and time, the error-proofing alarms about it, and
   * the hash-chain verification of both streams as stored right now (a byte changed in any
   * event after it was written shows here as ok: false, with where and why).
   */
  async history(receiptNumber: string) {
    const receipt = streams.receipt(receiptNumber).streamId;
    const alarms = streams.transferAlarms(receiptNumber).streamId;
    return this.store.transaction(async (tx) => {
      const events = await tx.readStream(receipt);
      if (events.length === 0) throw receiptNotFound(receiptNumber);
      const alarmEvents = await tx.readStream(alarms);
      const entry = (event: (typeof events)[number]) => ({
        position: event.streamPosition,
        eventId: event.eventId,
        type: event.type,
        recordedAt: event.recordedAt.toISOString(),
        actor: event.metadata.actor,
        correlationId: event.metadata.correlationId,
        data: event.data,
      });
      return {
        receiptNumber,
        events: events.map(entry),
        alarms: alarmEvents.map(entry),
        verification: { receipt: await verifyStream(tx.sql, receipt), alarms: await verifyStream(tx.sql, alarms) },
      };
    });
  }
}

/** The answer to a receipt that does not exist, and to a depositor asking for another's (assertOwnParty). */
export const receiptNotFound = (receiptNumber: string) => refuse.notFound('RECEIPT_NOT_FOUND', `no receipt ${receiptNumber}`, { receiptNumber });
