import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Plates or drivers, optionally only the blacklisted ones. */
export class GateRegisterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only the blacklisted; false: only those not blacklisted; every one when left out' })
  @IsOptional()
  @IsIn(['true', 'false'])
  blacklisted?: 'true' | 'false';
}
