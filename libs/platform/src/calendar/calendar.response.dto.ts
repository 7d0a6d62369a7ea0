import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the business calendar routes answer (documentation only: the handlers return plain objects).

export class CalendarHolidayResponseDto {
  @ApiProperty({ type: String, example: 'Spring Festival', description: 'the holiday as the notice names it' })
  name!: string;

  @ApiProperty({
    type: [String],
    format: 'date',
    description: 'every day off of the holiday (Asia/Shanghai dates, YYYY-MM-DD), weekend days inside it included',
  })
  daysOff!: string[];

  @ApiProperty({
    type: [String],
    format: 'date',
    description: 'weekend days worked instead (调休上班, YYYY-MM-DD): working days for the warehouse, but not exchange trading days',
  })
  makeUpWorkingDays!: string[];
}

export class CalendarPublisherResponseDto {
  @ApiProperty({
    type: String,
    description: 'who published the year: the person’s or integration client’s subject (bundled-calendar-data for the years shipped with the code)',
  })
  subject!: string;

  @ApiProperty({ type: String, example: 'exchange', description: 'the role it published in' })
  role!: string;

  @ApiPropertyOptional({ type: String, description: 'the party it acted for, when it has one' })
  partyId?: string;
}

export class PublishedCalendarYearResponseDto {
  @ApiProperty({ type: 'integer', example: 2026, description: 'the calendar year' })
  year!: number;

  @ApiProperty({ type: String, description: 'the notice this year transcribes (its date and publisher)' })
  source!: string;

  @ApiProperty({ type: () => CalendarHolidayResponseDto, isArray: true, description: 'the year’s holidays' })
  holidays!: CalendarHolidayResponseDto[];

  @ApiProperty({ type: 'integer', minimum: 1, description: '1 for the year’s first publication, one more for each correction' })
  revision!: number;

  @ApiProperty({ type: () => CalendarPublisherResponseDto, description: 'who published this revision' })
  publishedBy!: CalendarPublisherResponseDto;

  @ApiProperty({ type: String, format: 'date-time', description: 'when this revision was published' })
  publishedAt!: string;
}

export class CalendarResponseDto {
  @ApiProperty({ type: String, example: 'cn-mainland', description: 'the calendar’s name' })
  calendar!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the first day the calendar covers (Asia/Shanghai, YYYY-MM-DD)' })
  firstDate!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'the last day the calendar covers: deadlines past it are refused until the next year is published',
  })
  lastDate!: string;

  @ApiProperty({ type: 'integer', description: 'days from today (Asia/Shanghai) to lastDate; negative once the calendar has run out' })
  daysLeft!: number;

  @ApiProperty({ type: 'integer', description: 'how many days before lastDate the coverage warning starts' })
  warningDays!: number;

  @ApiPropertyOptional({ type: String, description: 'present from warningDays before lastDate on: what ops must publish' })
  warning?: string;

  @ApiProperty({ type: () => PublishedCalendarYearResponseDto, isArray: true, description: 'the published years, ascending' })
  years!: PublishedCalendarYearResponseDto[];
}

export class CalendarDayResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the day asked about (Asia/Shanghai, YYYY-MM-DD)' })
  date!: string;

  @ApiProperty({ type: Boolean, description: 'the warehouse works that day (a weekday that is no holiday, or a make-up working day)' })
  workingDay!: boolean;

  @ApiProperty({ type: Boolean, description: 'the exchange trades that day (a weekday that is no holiday; make-up working days are not trading days)' })
  tradingDay!: boolean;

  @ApiProperty({ type: Boolean, description: 'a day off of a published holiday' })
  holiday!: boolean;

  @ApiProperty({ type: Boolean, description: 'a weekend day worked instead (调休上班)' })
  makeUpWorkingDay!: boolean;

  @ApiProperty({ type: String, format: 'date', description: 'the last trading day before this day' })
  previousTradingDay!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the first trading day after this day' })
  nextTradingDay!: string;
}

export class PublishCalendarYearResponseDto {
  @ApiProperty({ type: 'integer', example: 2027, description: 'the year published' })
  year!: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the year’s revision now in force' })
  revision!: number;

  @ApiProperty({ type: Boolean, description: 'false when the same notice was already published (a retry records nothing)' })
  changed!: boolean;

  @ApiProperty({ type: String, format: 'date', description: 'the calendar’s last covered day after this publication (Asia/Shanghai, YYYY-MM-DD)' })
  lastDate!: string;
}
