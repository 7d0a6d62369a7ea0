import { create, createFileRegistry, isMessage, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema, timestampFromDate, timestampDate } from '@bufbuild/protobuf/wkt';
import { ContractDecodeError, ContractEncodeError, EventTypeConflictError, UnknownEventTypeError } from './contract-errors';
import { caught } from './caught.spec-helper';
import { EventRegistry, platformEventSchemas } from './event-registry';
import { ActorSchema } from './gen/dw/common/v1/actor_pb';
import { DeadLetterSchema } from './gen/dw/envelope/v1/envelope_pb';
import { PlatformProbeRecordedSchema, file_dw_platform_v1_probe } from './gen/dw/platform/v1/probe_pb';

const PROBE = 'dw.platform.v1.PlatformProbeRecorded';

function platformRegistry(): EventRegistry {
  return new EventRegistry().register(...platformEventSchemas);
}

// A schema that claims the probe's name but has another shape, as a second version of the
// contract compiled into the same process would.
function impostorProbeSchema(): DescMessage {
  const file = create(FileDescriptorProtoSchema, {
    name: 'impostor/probe.proto',
    package: 'dw.platform.v1',
    syntax: 'proto3',
    messageType: [{ name: 'PlatformProbeRecorded', field: [{ name: 'other', number: 1, type: 9, label: 1, jsonName: 'other' }] }],
  });
  return createFileRegistry(file, () => undefined).getMessage(PROBE)!;
}

describe('EventRegistry', () => {
  describe('encode and decode', () => {
    it('encodes a probe to the protobuf wire bytes worked out by hand and decodes them back', () => {
      const registry = platformRegistry();
      const probe = create(PlatformProbeRecordedSchema, { probeId: 'p1', sequence: 3n });

      const bytes = registry.encodeEvent(PROBE, probe);

      // field 1 (probe_id, LEN): tag (1 << 3 | 2) = 0x0a, length 2, 'p' = 0x70, '1' = 0x31;
      // field 2 (sequence, VARINT): tag (2 << 3 | 0) = 0x10, value 3. Empty strings are not written.
      expect([...bytes]).toEqual([0x0a, 0x02, 0x70, 0x31, 0x10, 0x03]);
      const decoded = registry.decodeEvent(PROBE, bytes);
      expect(isMessage(decoded, PlatformProbeRecordedSchema)).toBe(true);
      expect(decoded).toEqual(probe);
    });

    it('round-trips every field of a probe, including a sequence beyond 2^53', () => {
      const registry = platformRegistry();
      const probe = create(PlatformProbeRecordedSchema, {
        probeId: 'run-7',
        sequence: 9_007_199_254_740_993n,
        streamId: 'probe-stream-42',
        payload: '仓单 receipt ✓',
      });

      const decoded = registry.decodeEvent(PROBE, registry.encodeEvent(PROBE, probe));

      if (!isMessage(decoded, PlatformProbeRecordedSchema)) throw new Error('not a probe');
      expect(decoded.sequence).toBe(9_007_199_254_740_993n);
      expect(decoded.payload).toBe('仓单 receipt ✓');
      expect(decoded).toEqual(probe);
    });

    it('round-trips a dead letter with a null-keyed original, repeated headers and its failure time', () => {
      const registry = platformRegistry();
      const failedAt = new Date('2026-03-01T16:30:00.123Z');
      const letter = create(DeadLetterSchema, {
        originalTopic: 'receipt.receipt.v1',
        originalPartition: 4,
        originalOffset: 12_345_678_901n,
        originalHeaders: [
          { key: 'ce_type', value: new TextEncoder().encode('dw.receipt.v1.ReceiptIssued') },
          { key: 'x-retry', value: new Uint8Array([1]) },
          { key: 'x-retry', value: new Uint8Array([2]) },
        ],
        originalValue: new Uint8Array([0x0f]),
        consumerGroup: 'billing.receipt-fees',
        errorClass: 'ContractDecodeError',
        errorMessage: 'illegal tag',
        attempts: 5,
        failedAt: timestampFromDate(failedAt),
      });
      const type = 'dw.envelope.v1.DeadLetter';

      const decoded = registry.decodeEvent(type, registry.encodeEvent(type, letter));

      if (!isMessage(decoded, DeadLetterSchema)) throw new Error('not a dead letter');
      expect(decoded).toEqual(letter);
      expect(decoded.originalKey).toBeUndefined();
      expect(decoded.originalHeaders.map((h) => h.key)).toEqual(['ce_type', 'x-retry', 'x-retry']);
      expect(timestampDate(decoded.failedAt!)).toEqual(failedAt);
    });

    it('keeps fields a newer producer added, so a re-encoded event loses nothing', () => {
      const registry = platformRegistry();
      // field 1 = 'p1', then field 9 (VARINT, unknown to this schema): tag (9 << 3 | 0) = 0x48, value 7.
      const fromNewerProducer = new Uint8Array([0x0a, 0x02, 0x70, 0x31, 0x48, 0x07]);

      const decoded = registry.decodeEvent(PROBE, fromNewerProducer);

      expect(registry.encodeEvent(PROBE, decoded)).toEqual(fromNewerProducer);
    });
  });

  describe('unknown event types', () => {
    it('refuses to decode a type nobody registered, naming the type and what is registered', () => {
      const error = caught(() => platformRegistry().decodeEvent('dw.receipt.v1.ReceiptIssued', new Uint8Array()));

      expect(error).toBeInstanceOf(UnknownEventTypeError);
      expect(error).toMatchObject({
        name: 'UnknownEventTypeError',
        code: 'CONTRACT_UNKNOWN_EVENT_TYPE',
        field: 'type',
        typeName: 'dw.receipt.v1.ReceiptIssued',
        details: { registered: ['dw.envelope.v1.DeadLetter', PROBE] },
      });
    });

    it('refuses to encode for an unregistered type', () => {
      const probe = create(PlatformProbeRecordedSchema, { probeId: 'p1' });

      const error = caught(() => new EventRegistry().encodeEvent(PROBE, probe));

      expect(error).toBeInstanceOf(UnknownEventTypeError);
      expect(error).toMatchObject({ code: 'CONTRACT_UNKNOWN_EVENT_TYPE', details: { registered: [] } });
    });

    it('does not share registrations between registries', () => {
      const first = new EventRegistry().register(PlatformProbeRecordedSchema);
      const second = new EventRegistry();

      expect(first.has(PROBE)).toBe(true);
      expect(second.has(PROBE)).toBe(false);
      expect(() => second.schemaFor(PROBE)).toThrow(UnknownEventTypeError);
    });
  });

  describe('malformed bytes', () => {
    it.each([
      // tag 0x0f = field 1, wire type 7: there is no wire type 7
      ['an illegal wire type', [0x0f], /illegal tag/],
      // field 1 announces 5 bytes but only 1 follows
      ['a truncated string', [0x0a, 0x05, 0x61], /premature EOF/],
      // field 2 varint whose continuation bit promises a byte that never comes
      ['a truncated varint', [0x10, 0xff], /premature EOF/],
      // field number 0 is reserved and never valid
      ['field number zero', [0x00, 0x01], /illegal tag/],
      // field 1 (a string) holding 0xff 0xfe, which is not UTF-8
      ['invalid UTF-8 in a string field', [0x0a, 0x02, 0xff, 0xfe], /utf-8/i],
    ])('refuses %s with a typed decode error', (_case, bytes, reason) => {
      const error = caught(() => platformRegistry().decodeEvent(PROBE, new Uint8Array(bytes)));

      expect(error).toBeInstanceOf(ContractDecodeError);
      const decodeError = error as ContractDecodeError;
      expect(decodeError).toMatchObject({
        name: 'ContractDecodeError',
        code: 'CONTRACT_DECODE_FAILED',
        field: 'data',
        typeName: PROBE,
        details: { typeName: PROBE, byteLength: bytes.length },
      });
      expect(decodeError.details['reason']).toMatch(reason);
      // the decoder's own error is kept as the cause (it may come from another realm, e.g. TextDecoder)
      expect((decodeError.cause as { message?: unknown }).message).toBe(decodeError.details['reason']);
    });
  });

  describe('encoding the wrong thing', () => {
    it('refuses a message of another type than the one named', () => {
      const registry = platformRegistry();
      const actor = create(ActorSchema, { subject: 'u1', role: 'clerk' });

      const error = caught(() => registry.encodeEvent(PROBE, actor));

      expect(error).toBeInstanceOf(ContractEncodeError);
      expect(error).toMatchObject({
        code: 'CONTRACT_ENCODE_FAILED',
        details: { typeName: PROBE, reason: "the message given is a 'dw.common.v1.Actor'" },
      });
    });

    it('refuses a value the wire type cannot carry (an int64 beyond 2^63 - 1)', () => {
      const probe = create(PlatformProbeRecordedSchema, { sequence: 2n ** 63n });

      const error = caught(() => platformRegistry().encodeEvent(PROBE, probe));

      expect(error).toBeInstanceOf(ContractEncodeError);
      expect((error as ContractEncodeError).details['reason']).toMatch(/invalid int64/);
    });
  });

  describe('registration', () => {
    it('lists what is registered, sorted, and accepts the same schema twice', () => {
      const registry = new EventRegistry().register(PlatformProbeRecordedSchema, DeadLetterSchema);

      registry.register(PlatformProbeRecordedSchema);

      expect(registry.typeNames()).toEqual(['dw.envelope.v1.DeadLetter', PROBE]);
    });

    it('accepts a second copy of the same contract (the generated module loaded twice)', () => {
      const copy = createFileRegistry(file_dw_platform_v1_probe.proto, () => undefined).getMessage(PROBE)!;
      const registry = new EventRegistry().register(PlatformProbeRecordedSchema);

      expect(copy).not.toBe(PlatformProbeRecordedSchema);
      expect(() => registry.register(copy)).not.toThrow();
      expect(registry.schemaFor(PROBE)).toBe(PlatformProbeRecordedSchema);
    });

    it('refuses a different schema under a registered name and registers nothing of that call', () => {
      const registry = new EventRegistry().register(PlatformProbeRecordedSchema);

      const error = caught(() => registry.register(DeadLetterSchema, impostorProbeSchema()));

      expect(error).toBeInstanceOf(EventTypeConflictError);
      expect(error).toMatchObject({ code: 'CONTRACT_EVENT_TYPE_CONFLICT', field: 'schema', typeName: PROBE });
      expect(registry.typeNames()).toEqual([PROBE]);
      expect(registry.schemaFor(PROBE)).toBe(PlatformProbeRecordedSchema);
    });

    it('refuses two different schemas with one name in a single call', () => {
      const error = caught(() => new EventRegistry().register(impostorProbeSchema(), PlatformProbeRecordedSchema));

      expect(error).toBeInstanceOf(EventTypeConflictError);
    });
  });
});
