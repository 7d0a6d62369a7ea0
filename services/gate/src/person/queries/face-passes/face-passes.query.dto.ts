import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Face-lane passes, optionally of one staff member. */
export class FacePassesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 32, description: 'one staff member’s passes' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'staffId must be 1-32 letters, digits, ".", "_" or "-"' })
  staffId?: string;
}
