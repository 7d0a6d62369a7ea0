import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class TransferAlarmsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 50, example: 'WR00000042', description: 'only the alarms of transfers of this receipt' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  receiptNumber?: string;
}
