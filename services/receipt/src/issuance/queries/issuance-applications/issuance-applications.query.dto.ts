import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class IssuanceApplicationsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['applied', 'approved', 'rejected', 'withdrawn'])
  status?: string;
}
