import { refuse, requireInstant, requireText } from '@dw/kernel';
import { Quantity } from '../../stock/domain/quantity';

/** The signed scale reading a counted weight came from (the scale is the device that signed it). */
export interface ScaleEvidence {
  readonly scaleId: string;
  readonly readingId: string;
}

/** A manager's approval of one variance: who approved it, why, and when. */
export interface ManagerApproval {
  readonly approver: string;
  readonly reason: string;
  readonly at: string;
}

/**
 * What stands behind a stocktake variance when it changes a lot's stock book: the signed scale
 * reading of the counted weight, a manager's approval, or both (a loss weighed on a scale still
 * needs the approval to be written off).
 */
export interface VarianceEvidence {
  readonly reading: ScaleEvidence | null;
  readonly approval: ManagerApproval | null;
}

/** Why a variance may not change the book yet, or null when its evidence is enough. */
export type EvidenceGap = 'WRITE_OFF_NOT_APPROVED' | 'WEIGHT_VARIANCE_UNVERIFIED';

/**
 * What a variance needs before the stock book takes it:
 * - a loss (fewer pieces or fewer kg on the book: goods written off) needs a manager's approval
 *   with a reason, whatever weighed it: the warehouse answers to the depositor for goods in its
 *   custody, so taking them off the book is a decision, not a measurement;
 * - a gain needs its weight from a signed scale reading, or a manager's approval: a weight typed
 *   by hand never changes the book by itself;
 * - a variance that changes nothing (a piece in the wrong slot) needs neither.
 */
export function evidenceGap(delta: Quantity, evidence: VarianceEvidence | null): EvidenceGap | null {
  // rules INV-WRITE-OFF-APPROVED, INV-VARIANCE-WEIGHT-EVIDENCE
  if (delta.pieces < 0 || delta.kg < 0) return evidence?.approval ? null : 'WRITE_OFF_NOT_APPROVED';
  if (delta.pieces > 0 || delta.kg > 0) return evidence?.reading || evidence?.approval ? null : 'WEIGHT_VARIANCE_UNVERIFIED';
  return null;
}

/** The refusal for variances whose evidence is short, listing every one of them. */
export function evidenceRefusal(gap: EvidenceGap, varianceIds: readonly string[]) {
  return gap === 'WRITE_OFF_NOT_APPROVED'
    ? refuse.conflict('WRITE_OFF_NOT_APPROVED', `${varianceIds.length} loss(es) need a manager’s approval before the book is written down`, { varianceIds })
    : refuse.conflict('WEIGHT_VARIANCE_UNVERIFIED', `${varianceIds.length} weight variance(s) need a signed scale reading or a manager’s approval`, {
        varianceIds,
      });
}

/** Validates evidence as given to the stock book. */
export function validateEvidence(evidence: VarianceEvidence | null | undefined): VarianceEvidence {
  const reading = evidence?.reading
    ? {
        scaleId: requireText(evidence.reading.scaleId, 'evidence.reading.scaleId'),
        readingId: requireText(evidence.reading.readingId, 'evidence.reading.readingId'),
      }
    : null;
  const approval = evidence?.approval
    ? {
        approver: requireText(evidence.approval.approver, 'evidence.approval.approver'),
        reason: requireText(evidence.approval.reason, 'evidence.approval.reason'),
        at: requireInstant(evidence.approval.at, 'evidence.approval.at'),
      }
    : null;
  return { reading, approval };
}
