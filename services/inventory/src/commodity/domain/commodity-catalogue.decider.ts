import { Decider, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { CommodityCatalogueCommand } from './commodity-catalogue.commands';
import { CommodityCatalogueEvent } from './commodity-catalogue.events';
import { normaliseName } from './commodity-name';
import { nextToleranceVersion, WeightToleranceVersion } from './commodity-weight-tolerance';
import { StandardCommodity, standardNameOf, validateStandardCommodity } from './standard-commodity';

/**
 * The warehouse's commodity master data and every client's alias table, in one stream: master
 * data is small (hundreds of SKUs, thousands of aliases) and its rules span all of it (a
 * standard name is unique; an alias may not hide another commodity's standard name).
 */
export interface CommodityCatalogueState {
  readonly commodities: Readonly<Record<string, StandardCommodity>>;
  /** client → normalised alias → { alias as written, commodity code } */
  readonly aliases: Readonly<Record<string, Readonly<Record<string, { readonly alias: string; readonly code: string }>>>>;
  /** code → its inbound weight tolerance versions, ascending by effective date. */
  readonly tolerances: Readonly<Record<string, readonly WeightToleranceVersion[]>>;
}

export const commodityCatalogueDecider: Decider<CommodityCatalogueCommand, CommodityCatalogueState, CommodityCatalogueEvent> = {
  initialState: () => ({ commodities: {}, aliases: {}, tolerances: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'CommodityRegistered':
        return { ...state, commodities: { ...state.commodities, [event.data.commodity.code]: event.data.commodity } };
      case 'ClientAliasMapped': {
        const { client, alias, code } = event.data;
        return { ...state, aliases: { ...state.aliases, [client]: { ...state.aliases[client], [normaliseName(alias)]: { alias, code } } } };
      }
      case 'ClientAliasUnmapped': {
        const { [normaliseName(event.data.alias)]: _removed, ...rest } = state.aliases[event.data.client] ?? {};
        return { ...state, aliases: { ...state.aliases, [event.data.client]: rest } };
      }
      case 'WeightToleranceVersionPublished': {
        const { code, version, effectiveFrom, toleranceBps } = event.data;
        return { ...state, tolerances: { ...state.tolerances, [code]: [...(state.tolerances[code] ?? []), { version, effectiveFrom, toleranceBps }] } };
      }
    }
  },

  decide(command, state) {
    const { actor, at } = command.data;
    switch (command.type) {
      case 'RegisterCommodity': {
        // rule INV-STANDARD-NAME-UNIQUE
        const commodity = validateStandardCommodity(command.data.commodity);
        if (state.commodities[commodity.code]) {
          throw refuse.conflict('COMMODITY_CODE_TAKEN', `commodity ${commodity.code} is already registered`, { code: commodity.code });
        }
        const standardName = standardNameOf(commodity);
        const clash = findByStandardName(state, standardName);
        if (clash) {
          throw refuse.conflict('COMMODITY_NAME_TAKEN', `${standardName} is already the standard name of ${clash.code}`, {
            standardName,
            code: clash.code,
          });
        }
        return [{ type: 'CommodityRegistered', data: { commodity, standardName, actor, at } }];
      }
      case 'MapClientAlias': {
        // rule INV-ALIAS-NO-SHADOW
        const client = requireText(command.data.client, 'client');
        const alias = requireText(command.data.alias, 'alias');
        const code = requireText(command.data.code, 'code');
        if (!state.commodities[code]) throw refuse.notFound('UNKNOWN_COMMODITY', `no commodity ${code}`, { code });
        const existing = state.aliases[client]?.[normaliseName(alias)];
        if (existing?.code === code) return []; // the same mapping again changes nothing
        if (existing) {
          throw refuse.conflict('ALIAS_ALREADY_MAPPED', `${client} already maps ${existing.alias} to ${existing.code}`, {
            client,
            alias: existing.alias,
            code: existing.code,
          });
        }
        const shadowed = findByStandardName(state, alias);
        if (shadowed && shadowed.code !== code) {
          throw refuse.conflict('ALIAS_SHADOWS_STANDARD_NAME', `${alias} is the standard name of ${shadowed.code}`, {
            alias,
            code: shadowed.code,
          });
        }
        return [{ type: 'ClientAliasMapped', data: { client, alias, code, actor, at } }];
      }
      case 'UnmapClientAlias': {
        const client = requireText(command.data.client, 'client');
        const alias = requireText(command.data.alias, 'alias');
        const existing = state.aliases[client]?.[normaliseName(alias)];
        if (!existing) throw refuse.notFound('ALIAS_NOT_MAPPED', `${client} has no alias ${alias}`, { client, alias });
        return [{ type: 'ClientAliasUnmapped', data: { client, alias: existing.alias, code: existing.code, actor, at } }];
      }
      case 'PublishWeightTolerance': {
        // rule INV-TOLERANCE-VERSIONS
        const code = requireText(command.data.code, 'code');
        if (!state.commodities[code]) throw refuse.notFound('UNKNOWN_COMMODITY', `no commodity ${code}`, { code });
        const version = nextToleranceVersion(state.tolerances[code] ?? [], { ...command.data, at });
        return [{ type: 'WeightToleranceVersionPublished', data: { code, ...version, actor, at } }];
      }
      default:
        return unhandledCommand(command);
    }
  },
};

export function findByStandardName(state: CommodityCatalogueState, name: string): StandardCommodity | undefined {
  const wanted = normaliseName(name);
  return Object.values(state.commodities).find((commodity) => normaliseName(standardNameOf(commodity)) === wanted);
}
