// Sets of event positions as bit sets (one bit per event, 32 per word): unions and intersections of
// posting lists in a few passes over flat arrays.

/** Words needed for `n` positions. */
export const wordsFor = (n: number): number => (n + 31) >>> 5;

/** The union of position lists, as a bit set of `words` words. */
export function unionOf(lists: Iterable<Uint32Array | undefined>, words: number): Uint32Array {
  const bits = new Uint32Array(words);
  for (const list of lists) {
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      bits[p >>> 5]! |= 1 << (p & 31);
    }
  }
  return bits;
}

/** Intersects `mask` with `bits` in place; with no mask yet, a copy of `bits` (which may be cached). */
export function intersectInto(mask: Uint32Array | undefined, bits: Uint32Array): Uint32Array {
  if (!mask) return bits.slice();
  for (let i = 0; i < mask.length; i++) mask[i]! &= bits[i]!;
  return mask;
}

export const hasBit = (bits: Uint32Array, p: number): boolean =>
  (bits[p >>> 5]! & (1 << (p & 31))) !== 0;
