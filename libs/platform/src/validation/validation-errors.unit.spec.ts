import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import type { ArgumentMetadata } from '@nestjs/common';
import { ProblemException } from '../problem/problem.exception';
import { createValidationPipe } from './validation.pipe';
import { StrictInt } from './strict-int.transform';

class LineDto {
  @IsString() barcode!: string;
  @IsInt() @Min(1) weightKg!: number;
}

class TallyDto {
  @IsString() lotId!: string;
  @ValidateNested({ each: true }) @Type(() => LineDto) @ArrayMinSize(1) lines!: LineDto[];
}

class QueryDto {
  @StrictInt() @IsInt() @Min(1) limit!: number;
}

const body: ArgumentMetadata = { type: 'body', metatype: TallyDto };

async function refusal(value: unknown, metadata: ArgumentMetadata = body): Promise<ProblemException> {
  const error = await createValidationPipe()
    .transform(value, metadata)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (!(error instanceof ProblemException)) throw new Error(`expected a ProblemException, got ${String(error)}`);
  return error;
}

describe('the validation pipe', () => {
  it('accepts a valid body and hands over DTO instances', async () => {
    const value = await createValidationPipe().transform({ lotId: 'L1', lines: [{ barcode: 'B1', weightKg: 2500 }] }, body);
    expect(value).toBeInstanceOf(TallyDto);
    expect((value as TallyDto).lines[0]).toBeInstanceOf(LineDto);
  });

  it('names nested array elements by dotted path, one entry per broken constraint', async () => {
    const error = await refusal({
      lotId: 'L1',
      lines: [
        { barcode: 'B1', weightKg: 10 },
        { barcode: 7, weightKg: 0 },
      ],
    });
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.extras.errors).toEqual([
      { field: 'lines.1.barcode', reason: 'barcode must be a string', constraint: 'isString' },
      { field: 'lines.1.weightKg', reason: 'weightKg must not be less than 1', constraint: 'min' },
    ]);
  });

  it('refuses unknown fields, at the top and nested, instead of dropping them', async () => {
    const error = await refusal({ lotId: 'L1', admin: true, lines: [{ barcode: 'B1', weightKg: 1, price: 5 }] });
    expect(error.extras.errors).toEqual(
      expect.arrayContaining([
        { field: 'admin', reason: 'property admin should not exist', constraint: 'whitelistValidation' },
        { field: 'lines.0.price', reason: 'property price should not exist', constraint: 'whitelistValidation' },
      ]),
    );
  });

  it('does not convert types implicitly: "2500" is not an integer in a JSON body', async () => {
    const error = await refusal({ lotId: 'L1', lines: [{ barcode: 'B1', weightKg: '2500' }] });
    expect(error.extras.errors?.map((e) => [e.field, e.constraint])).toContainEqual(['lines.0.weightKg', 'isInt']);
  });

  it('reports every missing field of an empty body, and lists them in the detail', async () => {
    const error = await refusal({});
    expect(error.extras.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['lotId', 'lines']));
    expect(error.detail).toBe('invalid input: lotId, lines');
  });

  it('converts only plain decimal strings with @StrictInt', async () => {
    const query: ArgumentMetadata = { type: 'query', metatype: QueryDto };
    expect(await createValidationPipe().transform({ limit: '20' }, query)).toEqual(Object.assign(new QueryDto(), { limit: 20 }));
    for (const limit of ['', ' ', '0x10', '1e3', '2.5', 'ten']) {
      const error = await refusal({ limit }, query);
      expect(error.extras.errors).toContainEqual(expect.objectContaining({ field: 'limit', constraint: 'isInt' }));
    }
  });
});
