/**
 * The title columns every per-lot stock view adds (GET /stock, GET /lots): the receipt the lot
 * backs, the entitlement after a cancellation, and its encumbrances (receipt holds and stock
 * holds in one list, oldest first). `lotColumn` is the listed table's lot id column, from the
 * views, never from input.
 */
export const titleColumnsOf = (lotColumn: string): string => `
  (SELECT receipt_number FROM lot_titles WHERE lot_id = ${lotColumn}) AS title_receipt_number,
  (SELECT entitlement_id FROM lot_titles WHERE lot_id = ${lotColumn}) AS title_entitlement_id,
  (SELECT entitlement_purpose FROM lot_titles WHERE lot_id = ${lotColumn}) AS title_entitlement_purpose,
  COALESCE((SELECT json_agg(json_build_object(
      'source', e.source, 'holdId', e.hold_id, 'kind', e.kind, 'beneficiary', e.beneficiary, 'beneficiaryName', e.beneficiary_name,
      'receiptNumber', e.receipt_number, 'pieces', e.pieces, 'kg', e.kg, 'reason', e.reason, 'placedAt', e.placed_at) ORDER BY e.position)
    FROM lot_encumbrances e WHERE e.lot_id = ${lotColumn}), '[]'::json) AS title_encumbrances`;

interface EncumbranceRow {
  source: 'receipt' | 'stock';
  holdId: string;
  kind: string;
  beneficiary: string;
  beneficiaryName: string | null;
  receiptNumber: string | null;
  pieces: number | null;
  kg: number | null;
  reason: string;
  placedAt: string;
}

/** The title fields of a view row selected with titleColumnsOf. */
export function titleOfRow(row: Record<string, unknown>) {
  const purpose = row.title_entitlement_purpose as string | null;
  return {
    receiptNumber: (row.title_receipt_number as string | null) ?? null,
    entitlement: row.title_entitlement_id ? { entitlementId: row.title_entitlement_id as string, purpose: purpose ?? '' } : null,
    encumbrances: (row.title_encumbrances as EncumbranceRow[]).map((e) => ({
      source: e.source,
      holdId: e.holdId,
      kind: e.kind,
      beneficiary: e.beneficiary,
      beneficiaryName: e.beneficiaryName,
      receiptNumber: e.receiptNumber,
      quantity: e.pieces === null || e.kg === null ? null : { pieces: Number(e.pieces), kg: Number(e.kg) },
      reason: e.reason,
      placedAt: new Date(e.placedAt).toISOString(),
    })),
  };
}
