/**
 * Errors raised at the contract boundary (encoding, decoding, naming). They are not business
 * refusals (those are the kernel's DomainError): a consumer that meets one has a poison record,
 * which goes to its dead-letter topic with `name` as DeadLetter.error_class and `code` in the
 * message. `code` is stable and may be matched on; `field` names the input at fault;
 * `details` carries what an operator needs to put it right.
 */
export abstract class ContractError extends Error {
  protected constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No schema is registered for a CloudEvents type (ce_type). */
export class UnknownEventTypeError extends ContractError {
  static readonly code = 'CONTRACT_UNKNOWN_EVENT_TYPE';
  override readonly name = 'UnknownEventTypeError';

  constructor(
    readonly typeName: string,
    registered: readonly string[],
  ) {
    super(UnknownEventTypeError.code, `no contract is registered for event type '${typeName}'`, { typeName, registered }, 'type');
  }
}

/** The bytes are not a valid encoding of the registered schema (truncated, illegal tag, bad UTF-8 ...). */
export class ContractDecodeError extends ContractError {
  static readonly code = 'CONTRACT_DECODE_FAILED';
  override readonly name = 'ContractDecodeError';

  constructor(
    readonly typeName: string,
    byteLength: number,
    reason: string,
    cause: unknown,
  ) {
    super(ContractDecodeError.code, `cannot decode ${byteLength} byte(s) as '${typeName}': ${reason}`, { typeName, byteLength, reason }, 'data', { cause });
  }
}

/** The message given is not of the named type, or holds a value its schema cannot encode. */
export class ContractEncodeError extends ContractError {
  static readonly code = 'CONTRACT_ENCODE_FAILED';
  override readonly name = 'ContractEncodeError';

  constructor(
    readonly typeName: string,
    reason: string,
    cause?: unknown,
  ) {
    super(ContractEncodeError.code, `cannot encode '${typeName}': ${reason}`, { typeName, reason }, 'data', {
      cause,
    });
  }
}

/** Two different schemas claim the same event type: two versions of one contract in one process. */
export class EventTypeConflictError extends ContractError {
  static readonly code = 'CONTRACT_EVENT_TYPE_CONFLICT';
  override readonly name = 'EventTypeConflictError';

  constructor(readonly typeName: string) {
    super(EventTypeConflictError.code, `event type '${typeName}' is already registered with a different schema`, { typeName }, 'schema');
  }
}

/** A topic spec, topic name, prefix or consumer group breaks Kafka's rules or the project's naming convention. */
export class InvalidTopicError extends ContractError {
  static readonly code = 'CONTRACT_INVALID_TOPIC';
  override readonly name = 'InvalidTopicError';

  constructor(field: string, value: unknown, reason: string) {
    super(InvalidTopicError.code, `invalid ${field} ${JSON.stringify(value)}: ${reason}`, { value, reason }, field);
  }
}

/** An integer on the wire (int64) does not fit the kernel's safe-integer representation. */
export class ContractValueOutOfRangeError extends ContractError {
  static readonly code = 'CONTRACT_VALUE_OUT_OF_RANGE';
  override readonly name = 'ContractValueOutOfRangeError';

  constructor(field: string, value: bigint | number, reason: string) {
    super(ContractValueOutOfRangeError.code, `${field} ${String(value)} is out of range: ${reason}`, { value: String(value), reason }, field);
  }
}
