/**
 * Folds text for matching: case-, accent- and ß/ss-insensitive ("Außenminister" → "aussenminister",
 * "Türkiye" → "turkiye", "ŞANGHAI" → "sanghai").
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss");
}

const SEPARATOR = /[^\p{L}\p{N}]+/u;
// Letters, digits and combining marks: a raw word, before folding (marks belong to their letter).
const RAW_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII = /^[\x20-\x7e]*$/;

/** Folds one raw word; the result is usually one word (NFKD may split e.g. "½" into "1" and "2"). */
function foldWord(raw: string): string[] {
  if (ASCII.test(raw)) return [raw.toLowerCase()];
  return foldText(raw)
    .split(SEPARATOR)
    .filter((word) => word.length > 0);
}

/**
 * Splits text into folded words (letters and digits); the same split serves index and query. Texts
 * repeat their words, so a caller that folds many texts can pass a cache of raw word → folded words.
 */
export function foldedWords(text: string, cache?: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [raw] of text.matchAll(RAW_WORD)) {
    let words = cache?.get(raw);
    if (words === undefined) {
      words = foldWord(raw);
      cache?.set(raw, words);
    }
    for (const word of words) out.push(word);
  }
  return out;
}

/** The distinct folded terms of a search string; an event matches when every term occurs in it. */
export function searchTerms(search: string | undefined | null): string[] {
  if (!search) return [];
  return [...new Set(foldedWords(search))];
}

/**
 * Where the terms of `search` occur in `text`, as [start, end) ranges of the original text,
 * sorted and merged — for highlighting matches in the language shown.
 */
export function matchRanges(
  text: string,
  search: string | undefined | null,
): Array<[number, number]> {
  const terms = searchTerms(search);
  if (terms.length === 0 || text.length === 0) return [];
  // Fold code point by code point and remember where every folded character came from.
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldText(char);
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  origin.push(text.length);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const start = origin[at]!;
      const lastOrigin = origin[at + term.length - 1]!;
      // The end is just past the original character that produced the term's last folded character.
      const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
