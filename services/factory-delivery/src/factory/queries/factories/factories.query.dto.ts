import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Factories, with the terms in force on a day (today in Shanghai when left out). */
export class FactoriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'the Asia/Shanghai day the terms in force are for; today when left out' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'on must be a date YYYY-MM-DD' })
  on?: string;
}

/** One factory, with the terms in force on a day. */
export class FactoryQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'the Asia/Shanghai day the terms in force are for; today when left out' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'on must be a date YYYY-MM-DD' })
  on?: string;
}

/** A factory's issuance applications, optionally in one status. */
export class IssuanceApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'], description: 'only those in this status' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: 'pending' | 'approved' | 'rejected';
}
