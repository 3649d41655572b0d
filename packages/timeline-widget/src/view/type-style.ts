/** The data's event types, in the order of their shapes and colours; other ids get one by hash. */
const KNOWN = [
  "summit",
  "ministerial",
  "visit",
  "strategy",
  "agreement",
  "forum",
  "crisis",
  "infrastructure",
  "report",
  "other",
];

/** Which of the ten type markers (shape and colour, `.t0`–`.t9` in the styles) a type id gets. */
export function typeMarker(id: string): number {
  const at = KNOWN.indexOf(id);
  if (at >= 0) return at;
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return hash % KNOWN.length;
}
