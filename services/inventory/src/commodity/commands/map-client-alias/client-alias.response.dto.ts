import { ApiProperty } from '@nestjs/swagger';

export class MapClientAliasResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the client whose alias table it is (a storage card or party id)' })
  client!: string;

  @ApiProperty({ type: String, example: '沙钢螺纹20', description: 'the client’s own name for the commodity, as mapped' })
  alias!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the standard commodity it now resolves to' })
  code!: string;
}

export class UnmapClientAliasResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the client whose alias table it is' })
  client!: string;

  @ApiProperty({ type: String, example: '沙钢螺纹20', description: 'the alias removed' })
  alias!: string;

  @ApiProperty({ type: Boolean, description: 'always true: the alias no longer resolves' })
  removed!: boolean;
}
