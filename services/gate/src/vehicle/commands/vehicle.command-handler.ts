import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import type { ActorRole } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { driverDecider, type DriverState } from '../domain/driver.decider';
import { requirePlate } from '../domain/plate';
import { requireResidentId } from '@dw/kernel';
import { vehicleDecider, type VehicleState } from '../domain/vehicle.decider';
import type { DriverResponseDto, VehicleResponseDto } from '../vehicle.response.dto';

const ROLES: readonly ActorRole[] = ['manager', 'gate_guard'];

const vehicleView = (plate: string, state: VehicleState): VehicleResponseDto => ({
  plate,
  vehicleClass: state.vehicleClass,
  description: state.description,
  blacklistReason: state.blacklisted?.reason ?? null,
  blacklistedBy: state.blacklisted?.by ?? null,
});

const driverView = (residentIdNumber: string, state: DriverState): DriverResponseDto => ({
  residentIdNumber,
  name: state.name,
  mobile: state.mobile,
  blacklistReason: state.blacklisted?.reason ?? null,
  blacklistedBy: state.blacklisted?.by ?? null,
});

/** Registers plates and drivers, blacklists them and lifts blacklistings: one stream per plate, one per ID number. */
@Injectable()
export class VehicleCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async registerVehicle(body: { plate: string; vehicleClass: string; description?: string }, caller: Caller): Promise<VehicleResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    // The stream is named by the normalised plate, so 沪a 12345 and 沪A12345 are one vehicle.
    const plate = requirePlate(body.plate, 'plate');
    const handled = await handleCommand(this.store, {
      ...streams.vehicle(plate),
      decider: vehicleDecider,
      command: { type: 'RegisterVehicle', data: { plate, vehicleClass: body.vehicleClass, description: body.description ?? '', actor, at } },
      metadata,
    });
    return vehicleView(plate, handled.state);
  }

  async blacklistPlate(body: { plate: string; reason: string }, caller: Caller): Promise<VehicleResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const plate = requirePlate(body.plate, 'plate');
    const handled = await handleCommand(this.store, {
      ...streams.vehicle(plate),
      decider: vehicleDecider,
      command: { type: 'BlacklistVehicle', data: { plate, reason: body.reason, actor, at } },
      metadata,
    });
    return vehicleView(plate, handled.state);
  }

  async liftPlateBlacklisting(rawPlate: string, body: { reason: string }, caller: Caller): Promise<VehicleResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const plate = requirePlate(rawPlate, 'plate');
    const handled = await handleCommand(this.store, {
      ...streams.vehicle(plate),
      decider: vehicleDecider,
      command: { type: 'LiftVehicleBlacklisting', data: { plate, reason: body.reason, actor, at } },
      metadata,
    });
    return vehicleView(plate, handled.state);
  }

  async registerDriver(body: { residentIdNumber: string; name: string; mobile: string }, caller: Caller): Promise<DriverResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const id = requireResidentId(body.residentIdNumber, 'residentIdNumber');
    const handled = await handleCommand(this.store, {
      ...streams.driver(id),
      decider: driverDecider,
      command: { type: 'RegisterDriver', data: { residentIdNumber: id, name: body.name, mobile: body.mobile, actor, at } },
      metadata,
    });
    return driverView(id, handled.state);
  }

  async blacklistDriver(body: { residentIdNumber: string; reason: string }, caller: Caller): Promise<DriverResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const id = requireResidentId(body.residentIdNumber, 'residentIdNumber');
    const handled = await handleCommand(this.store, {
      ...streams.driver(id),
      decider: driverDecider,
      command: { type: 'BlacklistDriver', data: { residentIdNumber: id, reason: body.reason, actor, at } },
      metadata,
    });
    return driverView(id, handled.state);
  }

  async liftDriverBlacklisting(residentIdNumber: string, body: { reason: string }, caller: Caller): Promise<DriverResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const id = requireResidentId(residentIdNumber, 'residentIdNumber');
    const handled = await handleCommand(this.store, {
      ...streams.driver(id),
      decider: driverDecider,
      command: { type: 'LiftDriverBlacklisting', data: { residentIdNumber: id, reason: body.reason, actor, at } },
      metadata,
    });
    return driverView(id, handled.state);
  }
}
