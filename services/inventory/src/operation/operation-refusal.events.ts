import { DomainEvent } from '@dw/kernel';

/**
 * A physical operation refused at the source (no authorising order, step out of order, a
 * duplicate barcode, a full location, an unverified weight, ...). Recorded in its own stream,
 * outside the refused operation's transaction: the operation changed nothing, and this record is
 * what ops see of it (inventory.operation.v1 and GET /operation-refusals).
 */
export type OperationRefused = DomainEvent<
  'OperationRefused',
  {
    readonly refusalId: string;
    readonly operation: string;
    readonly code: string;
    readonly message: string;
    readonly details: Record<string, unknown>;
    readonly orderId: string | null;
    readonly warehouse: string | null;
    readonly owner: string | null;
    readonly subject: string;
    readonly actor: string;
    readonly at: string;
  }
>;
