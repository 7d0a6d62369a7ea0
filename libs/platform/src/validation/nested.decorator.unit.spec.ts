import { IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { ProblemException } from '../problem/problem.exception';
import { Nested } from './nested.decorator';
import { createValidationPipe } from './validation.pipe';

class SubjectDto {
  @IsIn(['piece', 'vehicle'])
  kind!: 'piece' | 'vehicle';
}

class LineDto {
  @IsString()
  barcode!: string;
}

class WeighingDto {
  @Nested(() => SubjectDto)
  subject!: SubjectDto;

  @IsArray()
  @Nested(() => LineDto, { each: true })
  lines!: LineDto[];

  @IsOptional()
  @Nested(() => SubjectDto)
  second?: SubjectDto;
}

/** The pipe's answer for a body: the DTO, or the fields it refused. */
async function validate(body: unknown): Promise<WeighingDto | string[]> {
  try {
    return (await createValidationPipe().transform(body, { type: 'body', metatype: WeighingDto })) as WeighingDto;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return (error.extras.errors ?? []).map((e) => `${e.field}:${e.constraint}`);
  }
}

describe('@Nested', () => {
  it('passes a well-formed body as DTO instances, the optional nested object left out', async () => {
    const dto = await validate({ subject: { kind: 'piece' }, lines: [{ barcode: 'B1' }] });
    expect(dto).toBeInstanceOf(WeighingDto);
    expect((dto as WeighingDto).subject).toBeInstanceOf(SubjectDto);
  });

  it.each([
    ['a missing nested object', { lines: [] }, ['subject:isObject']],
    ['a string where the object belongs', { subject: 'piece', lines: [] }, ['subject:isObject']],
    ['an array where the object belongs', { subject: [], lines: [] }, ['subject:isObject']],
    ['an array inside the list where an object belongs', { subject: { kind: 'piece' }, lines: [[]] }, ['lines:isObject']],
    ['a bad field inside the nested object', { subject: { kind: 'boat' }, lines: [] }, ['subject.kind:isIn']],
  ])('refuses %s with VALIDATION_FAILED naming the field', async (_case, body, fields) => {
    expect(await validate(body)).toEqual(expect.arrayContaining(fields));
  });
});
