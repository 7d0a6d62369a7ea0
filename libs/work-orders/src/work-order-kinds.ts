/** Every physical operation in the warehouse starts as a work order of one of these types. */
export const ORDER_TYPES = ['inbound', 'outbound', 'title_transfer', 'move', 'stocktake'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** A work order's lifecycle: draft → open → in_progress → completed, or cancelled with a reason. */
export const WORK_ORDER_STATUSES = ['draft', 'open', 'in_progress', 'completed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
