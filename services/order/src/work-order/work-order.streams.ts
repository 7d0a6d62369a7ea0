/** Stream naming of the work-order aggregate: one stream per order. */
export const WORK_ORDER_STREAM_TYPE = 'work-order';
export const workOrderStream = (orderId: string): string => `work-order-${orderId}`;

/** The title-transfer orders waiting for a receipt's transfer, by receipt number. */
export const TITLE_TRANSFER_INDEX_STREAM_TYPE = 'title-transfer-index';
export const titleTransferIndexStream = (receiptNumber: string): string => `title-transfer-${receiptNumber}`;
