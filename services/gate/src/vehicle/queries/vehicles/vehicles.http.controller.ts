import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { VEHICLE_CLASS_RULES, VEHICLE_CLASSES } from '../../domain/vehicle-classes';
import { DriverResponseDto, VehicleClassesResponseDto, VehicleResponseDto } from '../../vehicle.response.dto';
import { GateRegisterQueryDto } from './vehicles.query.dto';

interface VehicleRow {
  plate: string;
  vehicle_class: string | null;
  description: string | null;
  blacklist_reason: string | null;
  blacklisted_by: string | null;
}

interface DriverRow {
  resident_id_number: string;
  name: string | null;
  mobile: string | null;
  blacklist_reason: string | null;
  blacklisted_by: string | null;
}

const blacklistFilter = (value: 'true' | 'false' | undefined) => (value === undefined ? null : value === 'true');

/** The gate's register for its staff: plates, drivers and the vehicle classes' rules. */
@Controller()
@Roles('manager', 'gate_guard', 'ops')
export class VehiclesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get('vehicle-classes')
  @ApiOkResponse({ type: VehicleClassesResponseDto, description: 'each vehicle class and its release rules, as the gate applies them' })
  classes(): VehicleClassesResponseDto {
    return { items: VEHICLE_CLASSES.map((vehicleClass) => ({ vehicleClass, ...VEHICLE_CLASS_RULES[vehicleClass] })) };
  }

  @Get('vehicles')
  @ApiPageResponse(VehicleResponseDto, 'plates by plate, optionally only the blacklisted ones')
  async vehicles(@Query() query: GateRegisterQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ plate: string }>(query.cursor, 'vehicles') : { plate: '' };
    const { rows } = await this.db.query<VehicleRow>(
      `SELECT plate, vehicle_class, description, blacklist_reason, blacklisted_by FROM vehicles
        WHERE ($1::boolean IS NULL OR (blacklist_reason IS NOT NULL) = $1) AND plate > $2 ORDER BY plate LIMIT $3`,
      [blacklistFilter(query.blacklisted), after.plate, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): VehicleResponseDto => ({
        plate: row.plate,
        vehicleClass: row.vehicle_class,
        description: row.description,
        blacklistReason: row.blacklist_reason,
        blacklistedBy: row.blacklisted_by,
      }),
      (row) => this.cursors.encode({ plate: row.plate }, 'vehicles'),
    );
  }

  @Get('drivers')
  @ApiPageResponse(DriverResponseDto, 'drivers by ID number, optionally only the blacklisted ones')
  async drivers(@Query() query: GateRegisterQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ id: string }>(query.cursor, 'drivers') : { id: '' };
    const { rows } = await this.db.query<DriverRow>(
      `SELECT resident_id_number, name, mobile, blacklist_reason, blacklisted_by FROM drivers
        WHERE ($1::boolean IS NULL OR (blacklist_reason IS NOT NULL) = $1) AND resident_id_number > $2 ORDER BY resident_id_number LIMIT $3`,
      [blacklistFilter(query.blacklisted), after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): DriverResponseDto => ({
        residentIdNumber: row.resident_id_number,
        name: row.name,
        mobile: row.mobile,
        blacklistReason: row.blacklist_reason,
        blacklistedBy: row.blacklisted_by,
      }),
      (row) => this.cursors.encode({ id: row.resident_id_number }, 'drivers'),
    );
  }
}
