import fc from 'fast-check';
import { DomainError, foldEvents } from '@dw/kernel';
import { STANDARD_INBOUND_STEPS } from '../../workflow/domain/standard-workflows';
import { workOrderDecider } from './work-order.decider';
import { WorkOrderCommand } from './work-order.commands';
import { WorkOrderEvent } from './work-order.events';
import { actor, at, openInbound, orderId } from './work-order.test-fixtures';

const codes = STANDARD_INBOUND_STEPS.map((s) => s.code);
const evidence = { weigh: { kind: 'scale_reading', refs: ['r'] }, inspect: { kind: 'inspection_report', refs: ['i'] } } as const;

const commands: fc.Arbitrary<WorkOrderCommand> = fc.oneof(
  fc
    .constantFrom(...codes)
    .map((step): WorkOrderCommand => ({ type: 'RecordStep', data: { orderId, step, evidence: evidence[step as keyof typeof evidence] ?? null, actor, at } })),
  fc.constant<WorkOrderCommand>({ type: 'CompleteWorkOrder', data: { orderId, actor, at } }),
  fc.constant<WorkOrderCommand>({ type: 'CancelWorkOrder', data: { orderId, reason: 'r', actor, at } }),
);

/** Runs the commands against an open inbound order, keeping the events of those accepted. */
function run(attempts: WorkOrderCommand[]): WorkOrderEvent[] {
  const log: WorkOrderEvent[] = [...openInbound];
  for (const command of attempts) {
    try {
      log.push(...workOrderDecider.decide(command, foldEvents(workOrderDecider, log)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return log;
}

describe('work order invariants', () => {
  it('the history is always a prefix of the workflow, and completion only follows confirm', () => {
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 30 }), (attempts) => {
        const log = run(attempts);
        const state = foldEvents(workOrderDecider, log);
        if (state.status === 'none') throw new Error('order vanished');
        const done = state.history.map((h) => h.step);
        expect(done).toEqual(codes.slice(0, done.length));
        if (state.status === 'completed') expect(done).toEqual(codes);
      }),
    );
  });

  it('no order is cancelled after a step that moves goods', () => {
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 30 }), (attempts) => {
        const log = run(attempts);
        const cancelledAt = log.findIndex((e) => e.type === 'WorkOrderCancelled');
        if (cancelledAt >= 0) {
          const before = log.slice(0, cancelledAt);
          expect(before.some((e) => e.type === 'WorkOrderStepRecorded' && e.data.movesGoods)).toBe(false);
          // and nothing is accepted after a cancellation
          expect(log.length).toBe(cancelledAt + 1);
        }
      }),
    );
  });
});
