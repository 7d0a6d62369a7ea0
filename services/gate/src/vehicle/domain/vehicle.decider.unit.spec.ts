import { deciderSpec, refusalOf } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { driverDecider } from './driver.decider';
import { requirePlate } from './plate';
import { requireResidentId, residentIdCheckCharacter } from '@dw/kernel';
import { VEHICLE_CLASS_RULES } from './vehicle-classes';
import { vehicleDecider } from './vehicle.decider';

const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const guard: Actor = { subject: 'guard-wang', role: 'gate_guard' };
const at = '2026-12-07T02:00:00.000Z';

describe('plates', () => {
  it('takes mainland plates, normalised, and refuses anything else naming the field', () => {
    expect(requirePlate('沪a 12345', 'plate')).toBe('沪A12345');
    expect(requirePlate('粤B·D12345', 'plate')).toBe('粤BD12345'); // new-energy plates have six characters after the office letter
    expect(requirePlate('苏E1234挂', 'plate')).toBe('苏E1234挂');
    for (const bad of ['AB-1234', '沪I12345', '沪A1234', '沪A1234567', 'X沪12345', '']) {
      expect(refusalOf(() => requirePlate(bad, 'plate'))).toMatchObject({ code: 'PLATE_NUMBER_INVALID', field: 'plate' });
    }
  });
});

describe('resident ID numbers (GB 11643)', () => {
  it('computes the check character by hand: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11, then 1 0 X 9 8 7 6 5 4 3 2', () => {
    // 11010519491231002: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
    //   = 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167; 167 mod 11 = 2 → 'X'
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    // 44052418800101001: 28 + 36 + 0 + 25 + 16 + 16 + 2 + 8 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2 = 195; 195 mod 11 = 8 → '4'
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    expect(requireResidentId('11010519491231002x', 'id')).toBe('11010519491231002X');
    expect(requireResidentId('440524188001010014', 'id')).toBe('440524188001010014');
  });

  it('refuses a wrong check character, an impossible birth date and a wrong length, saying which', () => {
    expect(refusalOf(() => requireResidentId('440524188001010015', 'id'))).toMatchObject({
      code: 'RESIDENT_ID_INVALID',
      field: 'id',
      details: { reason: 'check_digit' },
    });
    expect(refusalOf(() => requireResidentId('440524188002300014', 'id'))).toMatchObject({ details: { reason: 'birth_date' } });
    expect(refusalOf(() => requireResidentId('44052418800101001', 'id'))).toMatchObject({ details: { reason: 'format' } });
  });
});

describe('vehicle classes', () => {
  it('hold the release rules as data: temporary needs an appointment and the weighbridge, special a guard’s release, internal neither', () => {
    expect(VEHICLE_CLASS_RULES.temporary).toMatchObject({
      needsAppointment: true,
      needsWeighbridge: true,
      needsGuardRelease: false,
      guardMayReleaseWithoutAppointment: false,
    });
    expect(VEHICLE_CLASS_RULES.special).toMatchObject({ needsAppointment: false, needsGuardRelease: true });
    expect(VEHICLE_CLASS_RULES.internal).toMatchObject({ needsAppointment: false, needsWeighbridge: false, needsGuardRelease: false });
  });

  it('registers a plate once, in a known class, by a manager', () => {
    deciderSpec(vehicleDecider)
      .given([])
      .when({ type: 'RegisterVehicle', data: { plate: '沪a12345', vehicleClass: 'internal', description: ' shuttle ', actor: manager, at } })
      .then([{ type: 'VehicleRegistered', data: { plate: '沪A12345', vehicleClass: 'internal', description: 'shuttle', actor: manager, at } }]);
    const registered = {
      type: 'VehicleRegistered' as const,
      data: { plate: '沪A12345', vehicleClass: 'internal' as const, description: '', actor: manager, at },
    };
    deciderSpec(vehicleDecider)
      .given([registered])
      .when({ type: 'RegisterVehicle', data: { plate: '沪A12345', vehicleClass: 'special', description: '', actor: manager, at } })
      .thenRefusedWith('VEHICLE_ALREADY_REGISTERED');
    deciderSpec(vehicleDecider)
      .given([])
      .when({ type: 'RegisterVehicle', data: { plate: '沪A12345', vehicleClass: 'vip', description: '', actor: manager, at } })
      .thenRefusedWith('VALUE_NOT_ALLOWED');
    deciderSpec(vehicleDecider)
      .given([])
      .when({ type: 'RegisterVehicle', data: { plate: '沪A12345', vehicleClass: 'internal', description: '', actor: guard, at } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});

describe('blacklist', () => {
  it('blacklists a plate or a driver with a reason and by whom, once', () => {
    deciderSpec(vehicleDecider)
      .given([])
      .when({ type: 'BlacklistVehicle', data: { plate: '沪B54321', reason: 'forged pickup papers', actor: manager, at } })
      .then([{ type: 'VehicleBlacklisted', data: { plate: '沪B54321', reason: 'forged pickup papers', by: 'mgr-qian', actor: manager, at } }]);
    const listed = { type: 'VehicleBlacklisted' as const, data: { plate: '沪B54321', reason: 'x', by: 'mgr-qian', actor: manager, at } };
    deciderSpec(vehicleDecider)
      .given([listed])
      .when({ type: 'BlacklistVehicle', data: { plate: '沪B54321', reason: 'again', actor: manager, at } })
      .thenRefusedWith('ALREADY_BLACKLISTED');
    deciderSpec(vehicleDecider)
      .given([])
      .when({ type: 'BlacklistVehicle', data: { plate: '沪B54321', reason: '  ', actor: manager, at } })
      .thenRefusedWith('FIELD_REQUIRED');
    deciderSpec(driverDecider)
      .given([])
      .when({ type: 'BlacklistDriver', data: { residentIdNumber: '440524188001010014', reason: 'violence at the gate', actor: guard, at } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    deciderSpec(driverDecider)
      .given([])
      .when({ type: 'BlacklistDriver', data: { residentIdNumber: '440524188001010014', reason: 'violence at the gate', actor: manager, at } })
      .then([
        { type: 'DriverBlacklisted', data: { residentIdNumber: '440524188001010014', reason: 'violence at the gate', by: 'mgr-qian', actor: manager, at } },
      ]);
  });

  it('lifts a blacklisting with a reason as a second event on the same stream; lifting one not blacklisted is NOT_BLACKLISTED; it may be blacklisted again', () => {
    const listed = { type: 'VehicleBlacklisted' as const, data: { plate: '沪B54321', reason: 'forged pickup papers', by: 'mgr-qian', actor: manager, at } };
    const later = '2026-12-09T02:00:00.000Z';
    deciderSpec(vehicleDecider)
      .given([listed])
      .when({ type: 'LiftVehicleBlacklisting', data: { plate: '沪b 54321', reason: 'papers proved genuine', actor: manager, at: later } })
      .then([{ type: 'VehicleBlacklistingLifted', data: { plate: '沪B54321', reason: 'papers proved genuine', by: 'mgr-qian', actor: manager, at: later } }]);
    const lifted = { type: 'VehicleBlacklistingLifted' as const, data: { plate: '沪B54321', reason: 'genuine', by: 'mgr-qian', actor: manager, at: later } };
    deciderSpec(vehicleDecider)
      .given([listed, lifted])
      .when({ type: 'LiftVehicleBlacklisting', data: { plate: '沪B54321', reason: 'again', actor: manager, at: later } })
      .thenRefusedWith('NOT_BLACKLISTED');
    deciderSpec(vehicleDecider)
      .given([])
      .when({ type: 'LiftVehicleBlacklisting', data: { plate: '沪B54321', reason: 'never listed', actor: manager, at } })
      .thenRefusedWith('NOT_BLACKLISTED');
    deciderSpec(vehicleDecider)
      .given([listed])
      .when({ type: 'LiftVehicleBlacklisting', data: { plate: '沪B54321', reason: ' ', actor: manager, at } })
      .thenRefusedWith('FIELD_REQUIRED');
    deciderSpec(vehicleDecider)
      .given([listed, lifted])
      .when({ type: 'BlacklistVehicle', data: { plate: '沪B54321', reason: 'forged papers again', actor: manager, at: later } })
      .then([{ type: 'VehicleBlacklisted', data: { plate: '沪B54321', reason: 'forged papers again', by: 'mgr-qian', actor: manager, at: later } }]);
    const driverListed = {
      type: 'DriverBlacklisted' as const,
      data: { residentIdNumber: '440524188001010014', reason: 'violence', by: 'mgr-qian', actor: manager, at },
    };
    deciderSpec(driverDecider)
      .given([driverListed])
      .when({ type: 'LiftDriverBlacklisting', data: { residentIdNumber: '440524188001010014', reason: 'appeal upheld', actor: guard, at: later } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    deciderSpec(driverDecider)
      .given([driverListed])
      .when({ type: 'LiftDriverBlacklisting', data: { residentIdNumber: '440524188001010014', reason: 'appeal upheld', actor: manager, at: later } })
      .then([
        {
          type: 'DriverBlacklistingLifted',
          data: { residentIdNumber: '440524188001010014', reason: 'appeal upheld', by: 'mgr-qian', actor: manager, at: later },
        },
      ]);
  });

  it('registers a driver with name, checked ID number and mobile, once', () => {
    deciderSpec(driverDecider)
      .given([])
      .when({ type: 'RegisterDriver', data: { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000', actor: guard, at } })
      .then([{ type: 'DriverRegistered', data: { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000', actor: guard, at } }]);
    deciderSpec(driverDecider)
      .given([])
      .when({ type: 'RegisterDriver', data: { residentIdNumber: '440524188001010014', name: '张三', mobile: '2380013800', actor: guard, at } })
      .thenRefusedWith('MOBILE_NUMBER_INVALID');
    const registered = {
      type: 'DriverRegistered' as const,
      data: { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000', actor: guard, at },
    };
    deciderSpec(driverDecider)
      .given([registered])
      .when({ type: 'RegisterDriver', data: { residentIdNumber: '440524188001010014', name: '李四', mobile: '13800138000', actor: guard, at } })
      .thenRefusedWith('DRIVER_ALREADY_REGISTERED');
  });
});
