import { shanghaiDateOf } from '@dw/kernel';

/** What an exit pass (出门证) certifies, every field of which its signature covers. */
export interface ExitPass {
  readonly passNumber: string;
  readonly visitId: string;
  readonly plate: string;
  readonly orderId: string;
  readonly entitlementId: string;
  readonly loadOutNoteIds: readonly string[];
  readonly tareKg: number;
  readonly grossKg: number;
  readonly netKg: number;
  readonly ticketNumber: string;
  readonly issuedBy: string;
  readonly issuedAt: string;
}

/** EP-<yyyymmdd of issue, Shanghai>-<visitId>: one pass per visit, and the pass number names its visit, so anyone can look it up. */
export const exitPassNumberOf = (visitId: string, at: string): string => `EP-${shanghaiDateOf(new Date(at)).replace(/-/g, '')}-${visitId}`;

/** The visit a pass number names; null when it is not one. */
export function visitIdOfPass(passNumber: string): string | null {
  const match = /^EP-\d{8}-(.+)$/.exec(passNumber);
  return match ? match[1]! : null;
}

/**
 * The bytes the gate signs: the pass's fields in a fixed order, one `name=value` line each (note
 * ids joined by commas), UTF-8. The same pass always gives the same bytes, so a pass read back
 * from the log verifies against its signature, and a changed field does not.
 */
export function exitPassCanonicalBytes(pass: ExitPass): Uint8Array {
  // rule GATE-EXIT-PASS
  const fields: [string, string][] = [
    ['passNumber', pass.passNumber],
    ['visitId', pass.visitId],
    ['plate', pass.plate],
    ['orderId', pass.orderId],
    ['entitlementId', pass.entitlementId],
    ['loadOutNoteIds', pass.loadOutNoteIds.join(',')],
    ['tareKg', String(pass.tareKg)],
    ['grossKg', String(pass.grossKg)],
    ['netKg', String(pass.netKg)],
    ['ticketNumber', pass.ticketNumber],
    ['issuedBy', pass.issuedBy],
    ['issuedAt', pass.issuedAt],
  ];
  return new TextEncoder().encode(fields.map(([name, value]) => `${name}=${value}\n`).join(''));
}
