import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class StorageCardsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['applied', 'approved', 'rejected', 'suspended', 'closed'])
  status?: string;

  /** Staff only: one depositor's cards (a depositor always sees its own). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerPartyId?: string;
}
