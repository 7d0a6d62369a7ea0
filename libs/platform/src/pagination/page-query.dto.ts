import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { StrictInt } from '../validation/strict-int.transform';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** `?limit=&cursor=` of every list endpoint; services extend it with their filters. */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_LIMIT,
    default: DEFAULT_PAGE_LIMIT,
    description: 'most items on one page (a whole number written in decimal)',
  })
  @IsOptional()
  @StrictInt()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  @ApiPropertyOptional({
    maxLength: 1024,
    pattern: '^[\\w-]+\\.[\\w-]+$',
    description: 'opaque: the nextCursor of the previous page, as returned (left out for the first page); a cursor is bound to the list it came from',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  @Matches(/^[\w-]+\.[\w-]+$/, { message: 'cursor must be a nextCursor value as returned' })
  cursor?: string;
}
