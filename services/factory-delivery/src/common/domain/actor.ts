import type { DomainActor } from '@dw/kernel';

/**
 * Who acts on factory-delivery data: the exchange (approves factories and their terms, demands
 * guarantee adjustments, decides applications), a factory's own system (lodges guarantees, asks
 * to reduce them, applies to issue receipts; its client id is the factory id) and the service
 * itself (`system`: the overdue sweep).
 */
export type ActorRole = 'exchange' | 'factory' | 'system';

export type Actor = DomainActor<ActorRole>;

export { requireRole } from '@dw/kernel';
