import { createHash } from 'node:crypto';
import { renderPdf } from '@dw/kernel';

/** What a weigh ticket shows: both weighbridge readings of one visit. */
export interface WeighTicketFacts {
  readonly ticketNumber: string;
  readonly visitId: string;
  readonly plate: string;
  readonly gate: string;
  readonly tareKg: number;
  readonly grossKg: number;
  readonly netKg: number;
  readonly tareDeviceId: string;
  readonly tareReadingId: string;
  readonly tareReadAt: string;
  readonly grossDeviceId: string;
  readonly grossReadingId: string;
  readonly grossReadAt: string;
  readonly issuedAt: string;
}

/** The ticket number of a visit's weighing: one ticket per visit. */
export const weighTicketNumberOf = (visitId: string): string => `WT-${visitId}`;

/**
 * The weigh ticket (磅单) as a PDF, rendered only from the two recorded readings, so it is the same
 * bytes, with the same SHA-256, at issue and at every download. English text (the standard PDF
 * font has no Chinese glyphs; a plate's province appears as its code point).
 */
export function weighTicketOf(facts: WeighTicketFacts): { pdf: Buffer; sha256: string } {
  // rule GATE-WEIGH-TICKET
  const lines = [
    'WEIGH TICKET (bang dan)',
    '',
    `Ticket:   ${facts.ticketNumber}`,
    `Visit:    ${facts.visitId} (gate ${facts.gate})`,
    `Vehicle:  ${facts.plate}`,
    '',
    `Tare:     ${facts.tareKg} kg  (scale ${facts.tareDeviceId}, reading ${facts.tareReadingId}, ${facts.tareReadAt})`,
    `Gross:    ${facts.grossKg} kg  (scale ${facts.grossDeviceId}, reading ${facts.grossReadingId}, ${facts.grossReadAt})`,
    `Net:      ${facts.netKg} kg  (gross - tare)`,
    '',
    `Issued:   ${facts.issuedAt}; weights read by the signed weighbridge scale, never typed`,
  ];
  const pdf = renderPdf({ title: `Weigh ticket ${facts.ticketNumber}`, createdAt: facts.issuedAt, producer: 'dw gate', lines });
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
