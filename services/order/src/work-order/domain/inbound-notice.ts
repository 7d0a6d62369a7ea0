import { refuse, requireInstant, requireOneOf, requirePositiveInteger, requireText } from '@dw/kernel';
import { ARRIVAL_MODES, ArrivalMode } from '../../workflow/domain/workflow-key';

/**
 * A depositor's advance notice of goods arriving for storage (入库预报). The order desk opens the
 * inbound work order from it; inventory later weighs the goods against `expectedKg`.
 * `commodity` is the standard commodity code (inventory resolves the depositor's own naming to
 * it before the notice reaches the desk); brand and specification are as the depositor states
 * them and are checked again at inspection.
 */
export interface InboundNotice {
  readonly commodity: string;
  readonly brand: string;
  readonly specification: string;
  readonly expectedPieces: number;
  readonly expectedKg: number;
  readonly arrivalMode: ArrivalMode;
  readonly arrivalWindow: { readonly from: string; readonly to: string };
  readonly storageCard: string;
}

/** Validates a notice field by field; returns it normalised (texts trimmed). */
export function validateInboundNotice(notice: InboundNotice): InboundNotice {
  // rule ORD-NOTICE-VALID
  if (!notice || typeof notice !== 'object') {
    throw refuse.invalid('FIELD_REQUIRED', 'notice is required', 'notice');
  }
  const window = notice.arrivalWindow ?? { from: '', to: '' };
  const from = Date.parse(requireInstant(window.from, 'notice.arrivalWindow.from'));
  const to = Date.parse(requireInstant(window.to, 'notice.arrivalWindow.to'));
  if (to <= from) {
    throw refuse.invalid('ARRIVAL_WINDOW_INVALID', 'the arrival window must end after it starts', 'notice.arrivalWindow.to', {
      from: window.from,
      to: window.to,
    });
  }
  return {
    commodity: requireText(notice.commodity, 'notice.commodity'),
    brand: requireText(notice.brand, 'notice.brand'),
    specification: requireText(notice.specification, 'notice.specification'),
    expectedPieces: requirePositiveInteger(notice.expectedPieces, 'notice.expectedPieces'),
    expectedKg: requirePositiveInteger(notice.expectedKg, 'notice.expectedKg'),
    arrivalMode: requireOneOf(notice.arrivalMode, ARRIVAL_MODES, 'notice.arrivalMode'),
    arrivalWindow: { from: window.from, to: window.to },
    storageCard: requireText(notice.storageCard, 'notice.storageCard'),
  };
}
