import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class StorageCardsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['applied', 'approved', 'rejected', 'suspended', 'closed'],
    description: 'applied: waiting for review; approved: may hold receipts and be named on orders; rejected; suspended (may be reinstated); closed',
  })
  @IsOptional()
  @IsIn(['applied', 'approved', 'rejected', 'suspended', 'closed'])
  status?: string;

  /** Staff only: one depositor's cards (a depositor always sees its own). */
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'P-0001',
    description: 'staff only: one depositor party’s cards (a depositor always sees its own, whatever it names)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerPartyId?: string;
}
