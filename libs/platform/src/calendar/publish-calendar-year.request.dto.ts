import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Nested } from '../validation/nested.decorator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CalendarHolidayRequestDto {
  @ApiProperty({ example: 'Spring Festival', minLength: 1, maxLength: 100, description: 'the holiday as the notice names it' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  /** Every day off, weekend days inside the holiday included. */
  @ApiProperty({
    type: [String],
    format: 'date',
    maxItems: 31,
    example: ['2027-02-06', '2027-02-07'],
    description: 'every day off of the holiday (YYYY-MM-DD), weekend days inside it included',
  })
  @IsArray()
  @ArrayMaxSize(31)
  @IsString({ each: true })
  @Matches(ISO_DATE, { each: true, message: 'each day must be a date YYYY-MM-DD' })
  daysOff!: string[];

  /** Weekend days worked (调休上班): working days, but not exchange trading days. */
  @ApiProperty({
    type: [String],
    format: 'date',
    maxItems: 10,
    example: ['2027-02-13'],
    description: 'weekend days worked instead (调休上班, YYYY-MM-DD): working days for the warehouse, but not exchange trading days',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(ISO_DATE, { each: true, message: 'each day must be a date YYYY-MM-DD' })
  makeUpWorkingDays!: string[];
}

/** One year's State Council holiday notice, as the exchange or ops publish it. */
export class PublishCalendarYearRequestDto {
  /** The notice it transcribes (its date and publisher), kept with the year for audit. */
  @ApiProperty({
    example: 'State Council notice of 2026-11-05',
    minLength: 1,
    maxLength: 500,
    description: 'the notice this year transcribes (its date and publisher), kept with the year for audit',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source!: string;

  @ApiProperty({
    type: () => CalendarHolidayRequestDto,
    isArray: true,
    maxItems: 20,
    description: 'the year’s holidays, each with its days off and make-up working days',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @Nested(() => CalendarHolidayRequestDto, { each: true })
  holidays!: CalendarHolidayRequestDto[];
}
