import { equals, fromBinary, isMessage, toBinary, type DescMessage, type Message } from '@bufbuild/protobuf';
import { DescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { ContractDecodeError, ContractEncodeError, EventTypeConflictError, UnknownEventTypeError } from './contract-errors';
import { DeadLetterSchema } from './gen/dw/envelope/v1/envelope_pb';
import { PlatformProbeRecordedSchema } from './gen/dw/platform/v1/probe_pb';

/**
 * Maps CloudEvents types (ce_type) to protobuf schemas. The type of an integration event is
 * the full protobuf name of its payload message, e.g. 'dw.platform.v1.PlatformProbeRecorded',
 * so a schema registers under its own `typeName` and the two can never disagree.
 *
 * There is deliberately no process-wide instance: each service builds one at start-up from
 * the schema lists it produces and consumes (`new EventRegistry().register(...platformEventSchemas,
 * ...receiptEventSchemas)`) and hands it to messaging, so what a process can read is explicit.
 */
export class EventRegistry {
  private readonly schemas = new Map<string, DescMessage>();

  /**
   * Registers schemas under their type names. Registering the same schema again is a no-op;
   * a different schema under a registered name throws EventTypeConflictError, and then none
   * of the schemas of this call are registered.
   */
  register(...schemas: readonly DescMessage[]): this {
    const accepted = new Map<string, DescMessage>();
    for (const schema of schemas) {
      const existing = accepted.get(schema.typeName) ?? this.schemas.get(schema.typeName);
      if (existing && !sameSchema(existing, schema)) throw new EventTypeConflictError(schema.typeName);
      accepted.set(schema.typeName, existing ?? schema);
    }
    for (const [typeName, schema] of accepted) this.schemas.set(typeName, schema);
    return this;
  }

  has(typeName: string): boolean {
    return this.schemas.has(typeName);
  }

  /** The registered type names, sorted. */
  typeNames(): string[] {
    return [...this.schemas.keys()].sort();
  }

  schemaFor(typeName: string): DescMessage {
    const schema = this.schemas.get(typeName);
    if (!schema) throw new UnknownEventTypeError(typeName, this.typeNames());
    return schema;
  }

  /** The Kafka value for an event: protobuf binary of `message`, which must be of type `typeName`. */
  encodeEvent(typeName: string, message: Message): Uint8Array {
    const schema = this.schemaFor(typeName);
    if (!isMessage(message, schema)) {
      throw new ContractEncodeError(typeName, `the message given is a '${describe(message)}'`);
    }
    try {
      return toBinary(schema, message);
    } catch (error: unknown) {
      throw new ContractEncodeError(typeName, reasonOf(error), error);
    }
  }

  /**
   * Decodes a Kafka value whose ce_type is `typeName`. Narrow the result with
   * `isMessage(message, SomeSchema)` from @bufbuild/protobuf. Fields unknown to this
   * version of the schema are kept (a newer producer is not an error).
   */
  decodeEvent(typeName: string, bytes: Uint8Array): Message {
    const schema = this.schemaFor(typeName);
    try {
      return fromBinary(schema, bytes);
    } catch (error: unknown) {
      throw new ContractDecodeError(typeName, bytes.byteLength, reasonOf(error), error);
    }
  }
}

/** The platform's own contracts: the probe used by tests and benchmarks, and dead-letter records. */
export const platformEventSchemas: readonly DescMessage[] = [PlatformProbeRecordedSchema, DeadLetterSchema];

// Two generated copies of one contract (e.g. the module loaded twice) are the same schema;
// only a different definition under the same name is a conflict.
function sameSchema(a: DescMessage, b: DescMessage): boolean {
  return a === b || equals(DescriptorProtoSchema, a.proto, b.proto);
}

function describe(message: unknown): string {
  if (typeof message === 'object' && message !== null && '$typeName' in message) {
    return String((message as { $typeName: unknown }).$typeName);
  }
  return message === null ? 'null' : typeof message;
}

// Not `instanceof Error`: the decoder's errors may come from another realm (TextDecoder's
// TypeError under a VM context), and their message is what an operator needs to read.
function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}
