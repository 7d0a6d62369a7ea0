import { DomainError } from '@dw/kernel';
import { InboundNotice, validateInboundNotice } from './inbound-notice';
import { notice } from './work-order.test-fixtures';

function refusal(bad: InboundNotice): DomainError {
  try {
    validateInboundNotice(bad);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('validateInboundNotice', () => {
  it('accepts a complete notice and trims its texts', () => {
    expect(validateInboundNotice({ ...notice, brand: ' Shagang ' })).toEqual(notice);
  });

  it.each([
    ['commodity', { commodity: '' }, 'FIELD_REQUIRED', 'notice.commodity'],
    ['brand', { brand: '   ' }, 'FIELD_REQUIRED', 'notice.brand'],
    ['specification', { specification: undefined as never }, 'FIELD_REQUIRED', 'notice.specification'],
    ['storage card', { storageCard: '' }, 'FIELD_REQUIRED', 'notice.storageCard'],
    ['zero pieces', { expectedPieces: 0 }, 'POSITIVE_INTEGER_REQUIRED', 'notice.expectedPieces'],
    ['fractional kg', { expectedKg: 100.5 }, 'POSITIVE_INTEGER_REQUIRED', 'notice.expectedKg'],
    ['negative kg', { expectedKg: -1 }, 'POSITIVE_INTEGER_REQUIRED', 'notice.expectedKg'],
    ['arrival by air', { arrivalMode: 'air' as never }, 'VALUE_NOT_ALLOWED', 'notice.arrivalMode'],
    ['a window without zone', { arrivalWindow: { from: '2025-03-04T00:00:00', to: '2025-03-05T00:00:00Z' } }, 'INVALID_INSTANT', 'notice.arrivalWindow.from'],
    [
      'a window ending before it starts',
      { arrivalWindow: { from: '2025-03-05T00:00:00Z', to: '2025-03-04T00:00:00Z' } },
      'ARRIVAL_WINDOW_INVALID',
      'notice.arrivalWindow.to',
    ],
    [
      'an empty window',
      { arrivalWindow: { from: '2025-03-05T00:00:00Z', to: '2025-03-05T08:00:00+08:00' } },
      'ARRIVAL_WINDOW_INVALID',
      'notice.arrivalWindow.to',
    ],
  ])('refuses %s', (_label, change, code, field) => {
    expect(refusal({ ...notice, ...(change as Partial<InboundNotice>) })).toMatchObject({ code, field, kind: 'invalid' });
  });
});
