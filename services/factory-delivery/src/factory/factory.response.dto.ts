import { ApiProperty } from '@nestjs/swagger';
import { PICKUP_LOCATION_KINDS } from './domain/factory-terms';

/** A pickup location and its premium. */
export class PickupLocationResponseDto {
  @ApiProperty({ type: String, description: 'the location’s id' })
  locationId!: string;

  @ApiProperty({ type: String, description: 'its name' })
  name!: string;

  @ApiProperty({ enum: PICKUP_LOCATION_KINDS, description: 'home or non_home' })
  kind!: string;

  @ApiProperty({ type: Boolean, description: 'benchmark (premium set by the exchange) or not (set by the factory, published by the exchange)' })
  benchmark!: boolean;

  @ApiProperty({ type: 'integer', description: 'premium (> 0) or discount (< 0), fen per tonne' })
  premiumPerTonneFen!: number;
}

/** One version of a factory's terms. */
export class FactoryTermsResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'in force from this Asia/Shanghai date until the next version' })
  effectiveFrom!: string;

  @ApiProperty({ type: 'integer', description: '核定库容, tonnes' })
  approvedCapacityTonnes!: number;

  @ApiProperty({ type: 'integer', description: '日发货量, tonnes per 24 h' })
  dailyShippingTonnes!: number;

  @ApiProperty({ type: String, isArray: true, description: 'approved brands' })
  brands!: string[];

  @ApiProperty({ type: String, isArray: true, description: 'approved grades' })
  grades!: string[];

  @ApiProperty({ type: () => PickupLocationResponseDto, isArray: true, description: 'pickup locations' })
  pickupLocations!: PickupLocationResponseDto[];

  @ApiProperty({ type: 'integer', description: 'guarantee required per tonne of capacity, fen' })
  guaranteePerTonneFen!: number;
}

/** A factory warehouse, with the terms in force on the day asked and every version recorded. */
export class FactoryResponseDto {
  @ApiProperty({ type: String, description: 'the factory id' })
  factoryId!: string;

  @ApiProperty({ type: String, description: 'the producer' })
  name!: string;

  @ApiProperty({ type: String, description: 'the commodity' })
  commodity!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the day the terms in force are for' })
  on!: string;

  @ApiProperty({ type: () => FactoryTermsResponseDto, nullable: true, description: 'the version in force on that day; null before the first' })
  termsInForce!: FactoryTermsResponseDto | null;

  @ApiProperty({ type: () => FactoryTermsResponseDto, isArray: true, description: 'every version in the order recorded' })
  versions!: FactoryTermsResponseDto[];
}

/** A factory's guarantee, the adjustment demanded and the reduction asked for. */
export class GuaranteeResponseDto {
  @ApiProperty({ type: String, description: 'the factory id' })
  factoryId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the letter number; null before one is lodged' })
  letterNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the issuing bank' })
  issuingBank!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the amount now, fen' })
  amountFen!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'valid to (inclusive)' })
  validTo!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the amount the exchange demands and the factory has not yet lodged, fen' })
  demandedFen!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the demand’s deadline' })
  demandDeadline!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'a reduction asked for and not yet approved, fen' })
  reductionRequestedFen!: number | null;

  @ApiProperty({ type: 'integer', description: 'tonnes approved and not cancelled' })
  issuedTonnes!: number;
}

/** An application to issue factory receipts. */
export class IssuanceApplicationResponseDto {
  @ApiProperty({ type: String, description: 'the application id (the service’s)' })
  applicationId!: string;

  @ApiProperty({ type: String, description: 'the factory id' })
  factoryId!: string;

  @ApiProperty({ type: String, description: 'commodity' })
  commodity!: string;

  @ApiProperty({ type: String, description: 'grade' })
  grade!: string;

  @ApiProperty({ type: String, description: 'brand' })
  brand!: string;

  @ApiProperty({ type: String, description: 'member firm' })
  member!: string;

  @ApiProperty({ type: String, description: 'owner' })
  owner!: string;

  @ApiProperty({ type: 'integer', description: 'tonnes' })
  tonnes!: number;

  @ApiProperty({ enum: ['pending', 'approved', 'rejected'], description: 'where it stands' })
  status!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the last trading day for the exchange’s decision' })
  decisionDue!: string;

  @ApiProperty({ type: Boolean, description: 'flagged by the sweep as undecided past its decision day' })
  overdue!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'why it was rejected' })
  reason!: string | null;
}

/** An application as a command leaves it. */
export class IssuanceResponseDto {
  @ApiProperty({ type: String, description: 'the application id (the service’s)' })
  applicationId!: string;

  @ApiProperty({ type: String, description: 'the factory id' })
  factoryId!: string;

  @ApiProperty({ type: 'integer', description: 'tonnes applied for' })
  tonnes!: number;

  @ApiProperty({ enum: ['pending', 'approved', 'rejected'], description: 'where it stands' })
  status!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the last trading day for the exchange’s decision' })
  decisionDue!: string;

  @ApiProperty({ type: 'integer', description: 'the factory’s tonnes approved and not cancelled, after this command' })
  issuedTonnes!: number;
}
