import { create } from '@bufbuild/protobuf';
import { ContractValueOutOfRangeError } from './contract-errors';
import { MoneySchema, type Money } from './gen/dw/common/v1/money_pb';
import { WeightSchema, type Weight } from './gen/dw/common/v1/weight_pb';

// The kernel keeps fen and kilograms as safe-integer numbers; int64 on the wire is a bigint.
// These mappings convert exactly or refuse: a value beyond ±(2^53 - 1) from another producer
// must not be rounded into a different amount.

export function toMoney(fen: number): Money {
  return create(MoneySchema, { fen: BigInt(safeInteger('fen', fen)) });
}

export function fromMoney(money: Money): number {
  return fromInt64('fen', money.fen);
}

export function toWeight(kg: number): Weight {
  return create(WeightSchema, { kg: BigInt(safeInteger('kg', kg)) });
}

export function fromWeight(weight: Weight): number {
  return fromInt64('kg', weight.kg);
}

function safeInteger(field: string, value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new ContractValueOutOfRangeError(field, value, 'must be a safe integer (no fractions, |value| <= 2^53 - 1)');
  }
  return value;
}

function fromInt64(field: string, value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ContractValueOutOfRangeError(field, value, 'exceeds the safe-integer range ±(2^53 - 1)');
  }
  return Number(value);
}
