import { ApiProperty } from '@nestjs/swagger';

export class ClientAliasItemResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the client whose alias table it is (a storage card or party id)' })
  client!: string;

  @ApiProperty({ type: String, example: '沙钢螺纹20', description: 'the client’s own name for the commodity, as mapped' })
  alias!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the standard commodity it resolves to' })
  code!: string;
}
