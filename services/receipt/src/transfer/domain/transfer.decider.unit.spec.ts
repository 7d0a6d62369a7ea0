import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { receiptDecider } from '../../receipt/domain/receipt.decider';
import { ReceiptEvent } from '../../receipt/domain/receipt.events';
import { ReceiptRecord } from '../../receipt/domain/receipt.record';
import { ReceiptState } from '../../receipt/domain/receipt.state';
import { TransferRefusal } from './title-transfer.policy';
import {
  at,
  buyerCard,
  buyerHolder,
  issued,
  lotLine,
  pledged,
  recordR1,
  recordR2,
  seller,
  sellerHolder,
} from '../../receipt/domain/receipt.fixtures.spec-helper';
import { RequestTitleTransfer, TransferLine } from './transfer.commands';
import { decideTransferBatch, receiptTransferCommands, transferBatchDecider } from './transfer.decider';

const recordR3: ReceiptRecord = { ...recordR2, receiptNumber: 'R-3', lots: [lotLine('LOT-4', 300_000, '2026-03-10')] };
const state = (...events: ReceiptEvent[]): ReceiptState => foldEvents(receiptDecider, events);
const r1 = state(issued(recordR1));
const r2 = state(issued(recordR2));
const r3Pledged = state(issued(recordR3), pledged('R-3'));

const line = (receiptNumber: string, current: ReceiptState, commodity = 'rebar'): TransferLine => ({ receiptNumber, commodity, current });
const batch = (lines: TransferLine[], holderName = '恒达钢铁贸易有限公司'): RequestTitleTransfer => ({
  type: 'RequestTitleTransfer',
  data: { transferId: 'T-9', entered: { holderName, storageCard: 'SC-0001' }, buyerCard, lines, actor: seller, at },
});
const none = transferBatchDecider.initialState();

describe('transfer batch decider (all or nothing)', () => {
  it('accepts a batch when every receipt can move, with one TitleTransferred per receipt', () => {
    const decision = decideTransferBatch(batch([line('R-1', r1), line('R-2', r2)]), none);
    expect(decision).toEqual({
      accepted: true,
      events: [
        {
          type: 'TransferBatchAccepted',
          data: {
            transferId: 'T-9',
            from: sellerHolder,
            to: buyerHolder,
            lines: [
              { receiptNumber: 'R-1', commodity: 'rebar', weightKg: 600_000 },
              { receiptNumber: 'R-2', commodity: 'rebar', weightKg: 300_000 },
            ],
            totalWeightKg: 900_000, // 600 000 + 300 000
            actor: seller,
            at,
          },
        },
      ],
      receiptEvents: [
        {
          type: 'TitleTransferred',
          data: { receiptNumber: 'R-1', transferId: 'T-9', from: sellerHolder, to: buyerHolder, commodity: 'rebar', weightKg: 600_000, actor: seller, at },
        },
        {
          type: 'TitleTransferred',
          data: { receiptNumber: 'R-2', transferId: 'T-9', from: sellerHolder, to: buyerHolder, commodity: 'rebar', weightKg: 300_000, actor: seller, at },
        },
      ],
    });
  });

  it('gives each receipt the command its own decider accepts with the same event', () => {
    const command = batch([line('R-1', r1), line('R-2', r2)]);
    const decision = decideTransferBatch(command, none);
    const perReceipt = receiptTransferCommands(command).map(({ command: c }, i) => receiptDecider.decide(c, command.data.lines[i]!.current)[0]);
    expect(decision.accepted && decision.receiptEvents).toEqual(perReceipt);
  });

  it('refuses the whole batch when one receipt is held, listing every failing line', () => {
    const decision = decideTransferBatch(batch([line('R-1', r1), line('R-3', r3Pledged), line('R-2', r2)]), none);
    expect(decision.accepted).toBe(false);
    const refusal = !decision.accepted ? decision.refusal : null;
    expect([refusal?.code, refusal?.details]).toEqual([
      'RECEIPT_HELD',
      {
        failures: [
          {
            line: 1,
            receiptNumber: 'R-3',
            code: 'RECEIPT_HELD',
            field: undefined,
            details: { receiptNumber: 'R-3', holds: [{ holdId: 'H-1', kind: 'pledge' }] },
          },
        ],
      },
    ]);
    expect(refusal?.alarms).toEqual([]);
  });

  it('raises an alarm for every mismatched line and refuses with the first failure’s code', () => {
    // Line 0 is fine, line 1 names the wrong commodity, line 2 is pledged.
    const decision = decideTransferBatch(batch([line('R-1', r1), line('R-2', r2, 'wire rod'), line('R-3', r3Pledged)]), none);
    const refusal = !decision.accepted ? decision.refusal : null;
    expect([refusal?.code, refusal?.field]).toEqual(['TRANSFER_COMMODITY_MISMATCH', 'lines[1].entered.commodity']);
    expect((refusal?.details.failures as { code: string }[]).map((f) => f.code)).toEqual(['TRANSFER_COMMODITY_MISMATCH', 'RECEIPT_HELD']);
    expect(refusal?.alarms.map((alarm) => [alarm.data.receiptNumber, alarm.data.mismatches])).toEqual([
      ['R-2', [{ field: 'commodity', entered: 'wire rod', recorded: 'rebar' }]],
    ]);
  });

  it('a wrong holder name is a mismatch on every line: one alarm each', () => {
    const decision = decideTransferBatch(batch([line('R-1', r1), line('R-2', r2)], '恒达钢铁'), none);
    const refusal = !decision.accepted ? decision.refusal : null;
    expect(refusal?.code).toBe('TRANSFER_HOLDER_MISMATCH');
    expect(refusal?.alarms.map((alarm) => alarm.data.receiptNumber)).toEqual(['R-1', 'R-2']);
  });

  it('in Decider form throws the refusal with its alarms', () => {
    const error = refusalOf(() => transferBatchDecider.decide(batch([line('R-1', r1)], 'wrong'), none));
    expect(error).toBeInstanceOf(TransferRefusal);
    expect((error as TransferRefusal).alarms).toHaveLength(1);
    deciderSpec(transferBatchDecider)
      .given([])
      .when(batch([line('R-3', r3Pledged)]))
      .thenRefusedWith('RECEIPT_HELD');
  });

  it('refuses an empty batch, a receipt named twice, an unknown receipt and a second decision', () => {
    const spec = deciderSpec(transferBatchDecider);
    spec.given([]).when(batch([])).thenRefusedWith('TRANSFER_BATCH_EMPTY');
    spec
      .given([])
      .when(batch([line('R-1', r1), line('R-1', r1)]))
      .thenRefusedWith('DUPLICATE_RECEIPT_IN_BATCH');
    spec
      .given([])
      .when(batch([line('R-7', receiptDecider.initialState())]))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    const accepted = transferBatchDecider.decide(batch([line('R-1', r1)]), none);
    spec
      .given(accepted)
      .when(batch([line('R-2', r2)]))
      .thenRefusedWith('TRANSFER_ALREADY_DECIDED');
  });
});
