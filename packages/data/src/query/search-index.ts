import type { Lang, TimelineEvent } from "../types.ts";
import { unionOf, wordsFor } from "./bitset.ts";
import { foldedWords } from "./fold.ts";

/** How many search terms' event sets an index keeps (each is n/8 bytes: 12.5 KB at 100,000 events). */
const TERM_CACHE_SIZE = 256;

/** Text an event is found by: titles, summaries, notes, place and actor names, in both languages. */
function searchableText(event: TimelineEvent, actorNames: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const lang of ["de", "en"] satisfies Lang[]) {
    parts.push(event.title[lang], event.summary[lang]);
    if (event.notes) parts.push(event.notes[lang]);
    for (const place of event.places) parts.push(place.name[lang]);
  }
  for (const actor of event.actors) parts.push(actorNames.get(actor) ?? actor);
  return parts.join(" ");
}

/**
 * The word index behind search: folded word → positions of the events that contain it. Built on the
 * first search (folding every text is the costly part) or earlier with `prepare()`.
 */
export class SearchIndex {
  readonly #events: readonly TimelineEvent[];
  readonly #actorNames: ReadonlyMap<string, string>;
  #words: Map<string, Uint32Array> | undefined;
  #wordList: string[] = [];
  readonly #termCache = new Map<string, Uint32Array>();

  constructor(events: readonly TimelineEvent[], actorNames: ReadonlyMap<string, string>) {
    this.#events = events;
    this.#actorNames = actorNames;
  }

  prepare(): Map<string, Uint32Array> {
    if (this.#words) return this.#words;
    const lists = new Map<string, number[]>();
    const folded = new Map<string, string[]>();
    this.#events.forEach((event, position) => {
      for (const word of new Set(foldedWords(searchableText(event, this.#actorNames), folded))) {
        const list = lists.get(word);
        if (list) list.push(position);
        else lists.set(word, [position]);
      }
    });
    this.#words = new Map([...lists].map(([word, list]) => [word, Uint32Array.from(list)]));
    this.#wordList = [...this.#words.keys()];
    return this.#words;
  }

  /**
   * The events whose words contain `term` ("minister" finds "außenminister"), as a bit set. Finding the
   * words means scanning the whole word list, so recent terms are kept (bounded, least recently used out).
   * The set is shared: copy before changing it.
   */
  termSet(term: string): Uint32Array {
    let bits = this.#termCache.get(term);
    if (bits) {
      this.#termCache.delete(term);
    } else {
      const words = this.prepare();
      const lists = this.#wordList.filter((w) => w.includes(term)).map((w) => words.get(w));
      bits = unionOf(lists, wordsFor(this.#events.length));
      if (this.#termCache.size >= TERM_CACHE_SIZE) {
        this.#termCache.delete(this.#termCache.keys().next().value!);
      }
    }
    this.#termCache.set(term, bits);
    return bits;
  }
}
