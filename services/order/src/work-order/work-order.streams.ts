/** Stream naming of the work-order aggregate: one stream per order. */
export const WORK_ORDER_STREAM_TYPE = 'work-order';
export const workOrderStream = (orderId: string): string => `work-order-${orderId}`;
