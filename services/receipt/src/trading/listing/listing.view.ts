import type { ListingState } from './domain/listing.state';
import type { ListingResponseDto } from './listing.response.dto';

type ReceiptOnListing = ListingResponseDto['receipts'][number];

/** Where each receipt of the listing stands, from the listing's state (a command's answer; queries read the projection). */
export function listingView(state: ListingState): ListingResponseDto {
  const terms = state.terms!;
  const available = new Set(state.available);
  const taken = new Map<string, 'reserved' | 'sold'>();
  for (const take of Object.values(state.takes)) {
    if (take.status === 'released') continue;
    for (const receipt of take.receipts) taken.set(receipt.receiptNumber, take.status === 'settled' ? 'sold' : 'reserved');
  }
  const receipts: ReceiptOnListing[] = terms.receipts.map((receipt) => ({
    ...receipt,
    state: available.has(receipt.receiptNumber) ? 'available' : (taken.get(receipt.receiptNumber) ?? 'unsold'),
  }));
  const remaining = receipts.filter((receipt) => receipt.state === 'available');
  return {
    listingId: terms.listingId,
    status: state.status === 'open' ? 'open' : 'closed',
    closeReasonCode: state.closed?.reasonCode ?? null,
    sellerPartyId: terms.seller.partyId,
    sellerAccountNumber: terms.seller.accountNumber,
    commodity: terms.commodity,
    warehouse: terms.warehouse,
    brand: terms.brand,
    grade: terms.grade,
    mode: terms.mode,
    minTake: terms.minTake,
    quote: { ...terms.quote },
    tradingDay: terms.tradingDay,
    closesAt: terms.closesAt,
    receipts,
    remainingReceipts: remaining.length,
    remainingKg: remaining.reduce((sum, receipt) => sum + receipt.weightKg, 0),
    postedAt: terms.at,
  };
}
