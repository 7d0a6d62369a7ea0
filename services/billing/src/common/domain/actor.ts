import type { DomainActor } from '@dw/kernel';

/** Who acts on billing data: the platform's people roles that reach this service, and a bank or the exchange through its signed integration API. */
export type ActorRole = 'manager' | 'clerk' | 'depositor' | 'bank' | 'exchange';

export type Actor = DomainActor<ActorRole>;

export { requireRole } from '@dw/kernel';
