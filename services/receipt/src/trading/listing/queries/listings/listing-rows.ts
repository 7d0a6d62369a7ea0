import type { ListingResponseDto } from '../../listing.response.dto';

export interface ListingRow {
  listing_id: string;
  status: 'open' | 'closed';
  close_reason_code: string | null;
  seller_party_id: string;
  seller_account_number: string;
  commodity: string;
  warehouse: string;
  brand: string;
  grade: string;
  mode: 'whole' | 'partial';
  min_take: number | null;
  quote: ListingResponseDto['quote'];
  trading_day: string;
  closes_at: string;
  receipts: ListingResponseDto['receipts'];
  remaining_receipts: number;
  remaining_kg: string;
  posted_at: Date;
}

export const LISTING_COLUMNS = `listing_id, status, close_reason_code, seller_party_id, seller_account_number, commodity, warehouse, brand, grade, mode, min_take,
  quote, trading_day::text AS trading_day, closes_at, receipts, remaining_receipts, remaining_kg, posted_at`;

export function listingOfRow(row: ListingRow): ListingResponseDto {
  return {
    listingId: row.listing_id,
    status: row.status,
    closeReasonCode: row.close_reason_code,
    sellerPartyId: row.seller_party_id,
    sellerAccountNumber: row.seller_account_number,
    commodity: row.commodity,
    warehouse: row.warehouse,
    brand: row.brand,
    grade: row.grade,
    mode: row.mode,
    minTake: row.min_take,
    quote: row.quote,
    tradingDay: row.trading_day,
    closesAt: row.closes_at,
    receipts: row.receipts,
    remainingReceipts: row.remaining_receipts,
    remainingKg: Number(row.remaining_kg),
    postedAt: row.posted_at.toISOString(),
  };
}
