import { Command } from '@dw/kernel';
import { StandardCommodity } from './standard-commodity';

/** `actor` and `at` (ISO instant) are set by the handler from the caller and the Clock. */
interface Stamped {
  readonly actor: string;
  readonly at: string;
}

export type RegisterCommodity = Command<'RegisterCommodity', Stamped & { readonly commodity: StandardCommodity }>;

/** Maps one client's own name for a commodity to the standard commodity `code`. */
export type MapClientAlias = Command<'MapClientAlias', Stamped & { readonly client: string; readonly alias: string; readonly code: string }>;

export type UnmapClientAlias = Command<'UnmapClientAlias', Stamped & { readonly client: string; readonly alias: string }>;

/** A manager publishes a commodity's inbound weight tolerance as a version effective from a date. */
export type PublishWeightTolerance = Command<
  'PublishWeightTolerance',
  Stamped & { readonly code: string; readonly effectiveFrom: string; readonly toleranceBps: number }
>;

export type CommodityCatalogueCommand = RegisterCommodity | MapClientAlias | UnmapClientAlias | PublishWeightTolerance;
