import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A standard commodity (货品命名规范化, rule INV-STANDARD-NAME-UNIQUE): product, specification, model, material, brand, grade. */
export class RegisterCommodityRequestDto {
  @ApiProperty({ example: 'rb-400e-20-sg' })
  @IsString()
  @MaxLength(40)
  code!: string;

  @ApiProperty({ example: '螺纹钢' })
  @IsString()
  @MaxLength(100)
  product!: string;

  @ApiProperty({ example: 'HRB400E Φ20' })
  @IsString()
  @MaxLength(100)
  specification!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  material?: string;

  @ApiProperty({ example: '沙钢' })
  @IsString()
  @MaxLength(100)
  brand!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  grade?: string;
}
