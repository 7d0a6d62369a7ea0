import type { Projection } from '@dw/projections';
import type { DriverEvent } from '../domain/driver.decider';
import type { VehicleEvent } from '../domain/vehicle.decider';

/** Every plate and driver the gate knows: class or name, and the blacklisting in force (none once lifted; plates blacklisted but never registered have a null class). */
export const vehiclesProjection: Projection<'vehicles' | 'drivers', VehicleEvent | DriverEvent> = {
  name: 'vehicles',
  tables: {
    vehicles: (t) => `CREATE TABLE ${t} (
      plate text PRIMARY KEY,
      vehicle_class text,
      description text,
      registered_by text,
      blacklist_reason text,
      blacklisted_by text,
      blacklisted_at timestamptz
    )`,
    drivers: (t) => `CREATE TABLE ${t} (
      resident_id_number text PRIMARY KEY,
      name text,
      mobile text,
      registered_by text,
      blacklist_reason text,
      blacklisted_by text,
      blacklisted_at timestamptz
    )`,
  },
  eventTypes: ['VehicleRegistered', 'VehicleBlacklisted', 'VehicleBlacklistingLifted', 'DriverRegistered', 'DriverBlacklisted', 'DriverBlacklistingLifted'],
  async apply(tx, events, tables) {
    for (const event of events) {
      switch (event.type) {
        case 'VehicleRegistered':
          await tx.query(
            `INSERT INTO ${tables.vehicles} (plate, vehicle_class, description, registered_by) VALUES ($1, $2, $3, $4)
             ON CONFLICT (plate) DO UPDATE SET vehicle_class = $2, description = $3, registered_by = $4`,
            [event.data.plate, event.data.vehicleClass, event.data.description, event.data.actor.subject],
          );
          break;
        case 'VehicleBlacklisted':
          await tx.query(
            `INSERT INTO ${tables.vehicles} (plate, blacklist_reason, blacklisted_by, blacklisted_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (plate) DO UPDATE SET blacklist_reason = $2, blacklisted_by = $3, blacklisted_at = $4`,
            [event.data.plate, event.data.reason, event.data.by, event.data.at],
          );
          break;
        case 'VehicleBlacklistingLifted':
          await tx.query(`UPDATE ${tables.vehicles} SET blacklist_reason = NULL, blacklisted_by = NULL, blacklisted_at = NULL WHERE plate = $1`, [
            event.data.plate,
          ]);
          break;
        case 'DriverRegistered':
          await tx.query(
            `INSERT INTO ${tables.drivers} (resident_id_number, name, mobile, registered_by) VALUES ($1, $2, $3, $4)
             ON CONFLICT (resident_id_number) DO UPDATE SET name = $2, mobile = $3, registered_by = $4`,
            [event.data.residentIdNumber, event.data.name, event.data.mobile, event.data.actor.subject],
          );
          break;
        case 'DriverBlacklisted':
          await tx.query(
            `INSERT INTO ${tables.drivers} (resident_id_number, blacklist_reason, blacklisted_by, blacklisted_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (resident_id_number) DO UPDATE SET blacklist_reason = $2, blacklisted_by = $3, blacklisted_at = $4`,
            [event.data.residentIdNumber, event.data.reason, event.data.by, event.data.at],
          );
          break;
        case 'DriverBlacklistingLifted':
          await tx.query(`UPDATE ${tables.drivers} SET blacklist_reason = NULL, blacklisted_by = NULL, blacklisted_at = NULL WHERE resident_id_number = $1`, [
            event.data.residentIdNumber,
          ]);
          break;
      }
    }
  },
};
