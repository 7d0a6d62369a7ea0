import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class TransferAlarmsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  receiptNumber?: string;
}
