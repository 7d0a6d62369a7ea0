/**
 * Stream naming of the inventory service. One stream per aggregate instance; the barcode
 * stream is per warehouse because a barcode is unique within a warehouse's history. A lot's
 * stream id is its lot id (the key of inventory.lot.v1), and an inbound order has one lot.
 */
export const streams = {
  catalogue: { id: 'commodity-catalogue', type: 'commodity-catalogue' },
  authority: (orderId: string) => ({ id: `order-${orderId}`, type: 'order-authority' }),
  lot: (lotId: string) => ({ id: lotId, type: 'lot' }),
  outbound: (orderId: string) => ({ id: `outbound-${orderId}`, type: 'outbound' }),
  shippedPiece: (warehouse: string, barcode: string) => ({ id: `shipped-${warehouse}-${barcode}`, type: 'shipped-piece' }),
  barcode: (warehouse: string, barcode: string) => ({ id: `barcode-${warehouse}-${barcode}`, type: 'barcode' }),
  location: (locationId: string) => ({ id: `location-${locationId}`, type: 'location' }),
  stock: (lotId: string) => ({ id: `stock-${lotId}`, type: 'stock' }),
  stocktake: (stocktakeId: string) => ({ id: stocktakeId, type: 'stocktake' }),
  refusal: (refusalId: string) => ({ id: `refusal-${refusalId}`, type: 'operation-refusal' }),
  lotTitle: (lotId: string) => ({ id: `title-${lotId}`, type: 'lot-title' }),
  receiptLots: (receiptNumber: string) => ({ id: `receipt-lots-${receiptNumber}`, type: 'receipt-lots' }),
};

/** A stream of the table above named as handleCommand, handleCommandIn and append take it. */
export const onStream = (stream: { id: string; type: string }) => ({ streamId: stream.id, streamType: stream.type });

/** The lot received under an inbound order. */
export const lotIdOf = (orderId: string): string => `lot-${orderId}`;

/** The stocktake counted under a stocktake order. */
export const stocktakeIdOf = (orderId: string): string => `stocktake-${orderId}`;
