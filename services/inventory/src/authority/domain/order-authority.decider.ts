import { Decider, unhandledCommand } from '@dw/kernel';
import { AuthorisingOrderView, OrderType, WorkflowStep } from '@dw/work-orders';
import { OrderAuthorityCommand } from './order-authority.commands';
import { OrderAuthorityEvent, OrderEntitlement } from './order-authority.events';

/** What inventory knows of one work order: enough to ask `authorises` and to open its lot. */
export interface OrderAuthority extends AuthorisingOrderView {
  readonly ownerParty: string;
  readonly commodity: string;
  readonly expected: { readonly pieces: number; readonly kg: number } | null;
  readonly entitlement: OrderEntitlement | null;
  readonly workflowId: string;
  readonly workflowVersion: number;
  readonly workflow: { readonly steps: readonly WorkflowStep[] };
  readonly history: readonly { readonly step: string; readonly recordedBy: string; readonly recordedAt: string }[];
  readonly type: OrderType;
}

export type OrderAuthorityState = { readonly status: 'none' } | OrderAuthority;

/**
 * Folds the order service's facts about one order (one stream per order). The order service is
 * the authority on its orders, so nothing is refused here; what the decider does is make the
 * record exactly-once in effect and order-safe: a step already noted (a redelivered message) or
 * a fact about an order never seen opened changes nothing.
 */
export const orderAuthorityDecider: Decider<OrderAuthorityCommand, OrderAuthorityState, OrderAuthorityEvent> = {
  // rule INV-ORDER-FACTS-ONCE
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'OrderAuthorityOpened': {
        const d = event.data;
        return {
          orderId: d.orderId,
          status: 'open',
          type: d.type,
          warehouse: d.warehouse,
          owner: d.owner,
          ownerParty: d.ownerParty,
          commodity: d.commodity,
          expected: d.expected,
          entitlement: d.entitlement ?? null,
          workflowId: d.workflowId,
          workflowVersion: d.workflowVersion,
          workflow: { steps: d.steps },
          history: [],
        };
      }
      case 'OrderAuthorityStepRecorded':
        if (state.status === 'none') return state;
        return {
          ...state,
          status: 'in_progress',
          history: [...state.history, { step: event.data.step, recordedBy: event.data.recordedBy, recordedAt: event.data.recordedAt }],
        };
      case 'OrderAuthorityClosed':
        return state.status === 'none' ? state : { ...state, status: event.data.status };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'NoteOrderOpened':
        return state.status === 'none' ? [{ type: 'OrderAuthorityOpened', data: command.data }] : [];
      case 'NoteOrderStep':
        // The order numbers its steps 1, 2, ...; only the next one is new (key-ordered delivery keeps them in order).
        if (state.status === 'none' || command.data.sequence !== state.history.length + 1) return [];
        return [{ type: 'OrderAuthorityStepRecorded', data: command.data }];
      case 'NoteOrderClosed':
        if (state.status === 'none' || state.status === 'completed' || state.status === 'cancelled') return [];
        return [{ type: 'OrderAuthorityClosed', data: command.data }];
      default:
        return unhandledCommand(command);
    }
  },
};
