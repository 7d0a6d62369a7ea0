/**
 * Names are compared after normalising away what differs only in typing, not in meaning:
 * - NFKC folds full-width forms to half-width ('ＨＲＢ４００Ｅ' → 'HRB400E', '（' → '(') and
 *   compatibility characters such as the ideographic space;
 * - letters are compared case-insensitively;
 * - whitespace is dropped entirely, since Chinese names are written with and without spaces
 *   between parts ('螺纹钢 HRB400E' and '螺纹钢HRB400E' are the same name).
 */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Levenshtein distance: the fewest single-character insertions, deletions and substitutions
 * that turn `a` into `b`, counted over Unicode code points (one Chinese character is one edit).
 * Two-row dynamic programme, O(|a|·|b|) time and O(|b|) memory.
 */
export function levenshtein(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let previous = right.map((_, j) => j + 1);
  previous.unshift(0);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length]!;
}
