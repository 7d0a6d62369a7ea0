import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class IssuanceApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['applied', 'approved', 'rejected', 'withdrawn'],
    description:
      'applied: waiting for the exchange (the lots held); approved: receipts issued; rejected by the exchange or withdrawn by the warehouse: the lots free again',
  })
  @IsOptional()
  @IsIn(['applied', 'approved', 'rejected', 'withdrawn'])
  status?: string;
}
