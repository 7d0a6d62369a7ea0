import { derivedMessageId } from './derived-message-id';

describe('derivedMessageId', () => {
  it('is the RFC 4122 version 5 UUID of the name within the event id, as other implementations compute it', () => {
    // The RFC's own example, uuid5(NAMESPACE_DNS, 'www.example.com'), as Python's uuid.uuid5 gives it.
    expect(derivedMessageId('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    // An event id of ours (UUIDv7) as namespace: python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('00000000-0000-7000-8000-000000000009'), 'dw.inventory.v1.StockShortfallDetected'))"
    expect(derivedMessageId('00000000-0000-7000-8000-000000000009', 'dw.inventory.v1.StockShortfallDetected')).toBe('7500df09-b9cc-5102-bde3-320c90a38193');
  });

  it('gives a replay of the same event the same id, and each message of one event its own', () => {
    const eventId = '01900000-0000-7000-8000-000000000001';
    expect(derivedMessageId(eventId, 'step:weigh')).toBe(derivedMessageId(eventId, 'step:weigh'));
    const ids = new Set([
      eventId,
      derivedMessageId(eventId, 'step:weigh'),
      derivedMessageId(eventId, 'step:load'),
      derivedMessageId('01900000-0000-7000-8000-000000000002', 'step:weigh'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('is case-insensitive in the event id, which names the same UUID either way', () => {
    expect(derivedMessageId('01900000-ABCD-7000-8000-00000000000F', 'x')).toBe(derivedMessageId('01900000-abcd-7000-8000-00000000000f', 'x'));
  });

  it('refuses an event id that is not a UUID rather than derive a colliding id from its unparsable bytes', () => {
    expect(() => derivedMessageId('event-1', 'x')).toThrow(TypeError);
  });
});
