import { refuse, requireText } from '@dw/kernel';
import { CommodityCatalogueState, findByStandardName } from './commodity-catalogue.decider';
import { levenshtein, normaliseName } from './commodity-name';
import { StandardCommodity, standardNameOf } from './standard-commodity';

/** How many near names an UNKNOWN_COMMODITY_NAME refusal offers. */
export const CLOSEST_NAMES_OFFERED = 3;

/**
 * Turns a client's name for a commodity into the standard commodity (货品命名规范化: client
 * naming is converted to the warehouse's standard automatically). Tried in order, all on
 * normalised names: the client's alias table, then the standard names, then the codes.
 * An unknown name is refused with the closest standard names (see `closestStandardNames`).
 */
export function resolveCommodityName(catalogue: CommodityCatalogueState, request: { readonly client: string; readonly name: string }): StandardCommodity {
  // rule INV-ALIAS-RESOLUTION
  const name = requireText(request.name, 'name');
  const alias = catalogue.aliases[request.client]?.[normaliseName(name)];
  const found =
    (alias && catalogue.commodities[alias.code]) ||
    findByStandardName(catalogue, name) ||
    Object.values(catalogue.commodities).find((commodity) => normaliseName(commodity.code) === normaliseName(name));
  if (found) return found;
  const closest = closestStandardNames(catalogue, name);
  throw refuse.invalid('UNKNOWN_COMMODITY_NAME', `no commodity is called ${name}`, 'name', {
    name,
    client: request.client,
    closest: closest.map((candidate) => candidate.standardName),
    closestCodes: closest.map((candidate) => candidate.code),
  });
}

/**
 * Up to three standard names nearest to `name`: ranked by Levenshtein distance between the
 * normalised strings, ties broken by the normalised standard name in code-point order, so the
 * same catalogue always offers the same names in the same order.
 */
export function closestStandardNames(catalogue: CommodityCatalogueState, name: string): { code: string; standardName: string; distance: number }[] {
  // rule INV-ALIAS-RESOLUTION
  const wanted = normaliseName(name);
  return Object.values(catalogue.commodities)
    .map((commodity) => {
      const standardName = standardNameOf(commodity);
      const normalised = normaliseName(standardName);
      return { code: commodity.code, standardName, normalised, distance: levenshtein(wanted, normalised) };
    })
    .sort((a, b) => a.distance - b.distance || (a.normalised < b.normalised ? -1 : a.normalised > b.normalised ? 1 : 0))
    .slice(0, CLOSEST_NAMES_OFFERED)
    .map(({ code, standardName, distance }) => ({ code, standardName, distance }));
}
