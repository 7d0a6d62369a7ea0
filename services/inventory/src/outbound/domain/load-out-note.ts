import { createHash } from 'node:crypto';
import { renderPdf } from '@dw/kernel';
import type { LoadedOut } from './outbound.events';

/** What the note shows: the load-out as recorded, less the note's own digest. */
export type LoadOutNoteFacts = Omit<LoadedOut['data'], 'noteSha256'>;

export interface LoadOutNote {
  readonly noteId: string;
  readonly pdf: Buffer;
  /** Hex SHA-256 of the PDF bytes. */
  readonly sha256: string;
}

/** The note of an order's n-th load-out. */
export const loadOutNoteIdOf = (orderId: string, loadNo: number): string => `${orderId}-L${loadNo}`;

const kgText = (kg: number): string => `${kg} kg`;
const signedKg = (kg: number): string => `${kg > 0 ? '+' : ''}${kg} kg`;

/**
 * The load-out note (出库单) of one load-out as a PDF, rendered only from the recorded facts, so
 * rendering it again at download gives the same bytes and the digest recorded at load-out.
 * The body is English (the standard PDF font has no Chinese glyphs); Chinese text in the data,
 * such as a plate number, appears as code points (see the kernel's pdf-document).
 */
export function loadOutNoteOf(facts: LoadOutNoteFacts): LoadOutNote {
  // rule INV-LOAD-OUT-NOTE
  const lines = [
    'LOAD-OUT NOTE (chu ku dan)',
    '',
    `Note:          ${facts.noteId} (load ${facts.loadNo})`,
    `Warehouse:     ${facts.warehouse}`,
    `Work order:    ${facts.orderId}`,
    `Entitlement:   ${facts.entitlementId ?? 'none'}`,
    `Receipt:       ${facts.receiptNumber ?? 'none'}`,
    `Holder:        storage card ${facts.owner}, party ${facts.ownerParty}`,
    `Commodity:     ${facts.commodity}`,
    `Vehicle:       ${facts.vehicle ?? 'not given'}`,
    `Scale reading: ${facts.readingId}${facts.scaleId ? ` on scale ${facts.scaleId}` : ' (typed by hand)'}, gross ${kgText(facts.grossKg)}, tare ${kgText(facts.tareKg)}`,
    `Operator:      ${facts.actor}`,
    `Loaded out:    ${facts.at} (shipped on ${facts.shippedOn}, Asia/Shanghai)`,
    '',
    ...facts.lots.flatMap((lot) => [
      `Lot ${lot.lotId}: ${lot.pieces.length} piece(s), book ${kgText(lot.bookKg)}, weighed net ${kgText(lot.netKg)}, over/short ${signedKg(lot.overShortKg)}`,
      ...lot.pieces.map((piece, i) => `    ${String(i + 1).padStart(3, ' ')}  ${piece.barcode.padEnd(40, ' ')} book ${kgText(piece.bookKg)}`),
      ...(lot.lotTotals ? [`    last pieces of the lot: ${lot.lotTotals.pieces} piece(s) out in all, over/short ${signedKg(lot.lotTotals.overShortKg)}`] : []),
      '',
    ]),
    `Total: ${facts.pieces} piece(s), book ${kgText(facts.bookKg)}, weighed net ${kgText(facts.netKg)}, over/short (net - book) ${signedKg(facts.overShortKg)}`,
  ];
  const pdf = renderPdf({ title: `Load-out note ${facts.noteId}`, createdAt: facts.at, producer: 'dw inventory', lines });
  return { noteId: facts.noteId, pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
