/**
 * What a refused operation is reported with. The handler fills in what it learns as it goes
 * (the lot's order, warehouse and owner), so a refusal names as much as was known when it happened.
 */
export interface OperationContext {
  readonly operation: string;
  subject: string;
  orderId?: string;
  warehouse?: string;
  owner?: string;
}
