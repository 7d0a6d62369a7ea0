import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DailyReceiptReportQueryDto {
  /** The Shanghai business day reported on. */
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  warehouseId?: string;
}
