import { create } from '@bufbuild/protobuf';
import { fromMoney, fromWeight, toMoney, toWeight } from './common-values';
import { ContractValueOutOfRangeError } from './contract-errors';
import { MoneySchema } from './gen/dw/common/v1/money_pb';
import { WeightSchema } from './gen/dw/common/v1/weight_pb';

describe('money and weight on the wire', () => {
  it('maps integer fen to int64 and back exactly, negatives included', () => {
    // 12,345.67 CNY = 1,234,567 fen; a refund of 0.05 CNY = -5 fen
    expect(toMoney(1_234_567).fen).toBe(1_234_567n);
    expect(fromMoney(toMoney(1_234_567))).toBe(1_234_567);
    expect(fromMoney(toMoney(-5))).toBe(-5);
    expect(fromMoney(toMoney(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('maps integer kilograms to int64 and back exactly', () => {
    // 30.5 t = 30,500 kg
    expect(toWeight(30_500).kg).toBe(30_500n);
    expect(fromWeight(toWeight(30_500))).toBe(30_500);
    expect(fromWeight(toWeight(-120))).toBe(-120);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses to send %p fen', (fen) => {
    expect(() => toMoney(fen)).toThrow(ContractValueOutOfRangeError);
    expect(() => toMoney(fen)).toThrow(expect.objectContaining({ code: 'CONTRACT_VALUE_OUT_OF_RANGE', field: 'fen' }));
  });

  it('refuses to send a fractional weight', () => {
    expect(() => toWeight(12.5)).toThrow(expect.objectContaining({ code: 'CONTRACT_VALUE_OUT_OF_RANGE', field: 'kg' }));
  });

  it('refuses a received int64 beyond the safe-integer range instead of rounding it', () => {
    // 2^53 + 1 = 9,007,199,254,740,993 has no exact double: Number() would give ...992.
    const tooBig = create(MoneySchema, { fen: 9_007_199_254_740_993n });
    const tooNegative = create(WeightSchema, { kg: -9_007_199_254_740_992n });

    expect(() => fromMoney(tooBig)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_VALUE_OUT_OF_RANGE', field: 'fen', details: expect.objectContaining({ value: '9007199254740993' }) }),
    );
    expect(() => fromWeight(tooNegative)).toThrow(expect.objectContaining({ field: 'kg' }));
  });
});
