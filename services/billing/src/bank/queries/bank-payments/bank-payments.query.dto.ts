import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Incoming bank payments, optionally only the matched or only the unmatched ones. */
export class BankPaymentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['matched', 'unmatched'], description: 'unmatched: the ones held until a manager assigns them; every one when left out' })
  @IsOptional()
  @IsIn(['matched', 'unmatched'])
  status?: 'matched' | 'unmatched';
}
