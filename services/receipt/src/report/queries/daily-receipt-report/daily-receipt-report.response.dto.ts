import { ApiProperty } from '@nestjs/swagger';

/** A count of receipts and their weight. */
export class ReceiptFigureResponseDto {
  @ApiProperty({ type: 'integer', description: 'receipts' })
  count!: number;

  @ApiProperty({ type: 'integer', description: 'their total weight, integer kg' })
  weightKg!: number;
}

/** One commodity in one warehouse on the day. */
export class DailyReceiptReportLineResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse' })
  warehouseId!: string;

  @ApiProperty({ type: () => ReceiptFigureResponseDto, description: 'receipts issued that day' })
  issued!: ReceiptFigureResponseDto;

  @ApiProperty({ type: () => ReceiptFigureResponseDto, description: 'receipts cancelled that day' })
  cancelled!: ReceiptFigureResponseDto;

  @ApiProperty({ type: () => ReceiptFigureResponseDto, description: 'receipts whose title was transferred that day' })
  transferred!: ReceiptFigureResponseDto;

  @ApiProperty({ type: () => ReceiptFigureResponseDto, description: 'in circulation at the end of the day (outstanding or expired, not yet cancelled)' })
  outstanding!: ReceiptFigureResponseDto;

  @ApiProperty({ type: () => ReceiptFigureResponseDto, description: 'of those, receipts whose last valid day is from the report date to the end of its month' })
  expiringThisMonth!: ReceiptFigureResponseDto;

  @ApiProperty({ type: () => ReceiptFigureResponseDto, description: 'of those, receipts whose last valid day falls in the next calendar month' })
  expiringNextMonth!: ReceiptFigureResponseDto;
}

export class DailyReceiptReportResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai day reported (YYYY-MM-DD)' })
  date!: string;

  @ApiProperty({
    type: () => DailyReceiptReportLineResponseDto,
    isArray: true,
    description: 'one line per commodity and warehouse with activity that day or receipts in circulation, by commodity then warehouse',
  })
  lines!: DailyReceiptReportLineResponseDto[];
}
