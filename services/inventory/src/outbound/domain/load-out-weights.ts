/**
 * Splits a load's weighed net over the lots on it in proportion to each lot's book weight, in
 * whole kg: each lot gets floor(net × book / total book), and the kg left over go one each to
 * the lots with the largest remainders (ties to the lot listed first). The parts always add up
 * to the net, so the lots' over/short add up to the load's.
 */
export function netByBook(netKg: number, books: readonly { readonly lotId: string; readonly bookKg: number }[]): Map<string, number> {
  // rule INV-LOAD-NET-BY-BOOK
  const totalBook = books.reduce((sum, lot) => sum + lot.bookKg, 0);
  const parts = books.map((lot, index) => {
    const exact = netKg * lot.bookKg;
    return { lotId: lot.lotId, index, kg: Math.floor(exact / totalBook), remainder: exact % totalBook };
  });
  let left = netKg - parts.reduce((sum, part) => sum + part.kg, 0);
  for (const part of [...parts].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    part.kg += 1;
    left -= 1;
  }
  return new Map(parts.map((part) => [part.lotId, part.kg]));
}
