import type { Lang } from "@ca-timeline/data";

/** Every UI string, in both languages; kept in one small table so the standalone bundle stays lean. */
const STRINGS = {
  en: {
    search: "Search",
    themes: "Themes",
    types: "Event types",
    actors: "Countries and organisations",
    period: "Period",
    swapped: "From and To swapped",
    from: "From",
    to: "To",
    reset: "Reset filters",
    events: ["event", "events"],
    none: "No events match these filters.",
    loading: "Loading events…",
    more: "Loading the details…",
    failed: "The events could not be loaded.",
    detailsFailed: "The details could not be loaded.",
    retry: "Try again",
    technical: "Technical details",
    unreachable: "The server could not be reached",
    timeout: "The server did not answer in time",
    http: "The server answered with an error",
    json: "The answer is not JSON",
    server: "The server reported an error",
    data: "The data is not valid",
    places: "Places",
    sources: "Sources",
    notes: "Notes",
    type: "Type",
    partOf: "Part of",
    overview: "Jump to year",
    circa: "c.",
    planned: "planned",
    postponed: "postponed",
    cancelled: "cancelled",
    held: "",
    milestone: "Milestone",
    filtersButton: "Filters",
    skipToEvents: "Skip to the events",
    skipPast: "Skip past the timeline",
    language: "Language",
    copyLink: "Copy link",
    copied: "Link copied",
    clearSearch: "Clear search",
    allYears: "Show all years",
    remove: "Remove filter:",
    noneFor: "No events match",
    badFilter: "These filters cannot be applied; try a shorter search.",
    ignored: "Not found, ignored:",
    gap: "no events match",
  },
  de: {
    search: "Suche",
    themes: "Themen",
    types: "Ereignisarten",
    actors: "Staaten und Organisationen",
    period: "Zeitraum",
    swapped: "Von und Bis vertauscht",
    from: "Von",
    to: "Bis",
    reset: "Filter zurücksetzen",
    events: ["Ereignis", "Ereignisse"],
    none: "Keine Ereignisse entsprechen diesen Filtern.",
    loading: "Ereignisse werden geladen …",
    more: "Details werden geladen …",
    failed: "Die Ereignisse konnten nicht geladen werden.",
    detailsFailed: "Die Details konnten nicht geladen werden.",
    retry: "Erneut versuchen",
    technical: "Technische Angaben",
    unreachable: "Der Server ist nicht erreichbar",
    timeout: "Der Server hat nicht rechtzeitig geantwortet",
    http: "Der Server hat mit einem Fehler geantwortet",
    json: "Die Antwort ist kein JSON",
    server: "Der Server meldet einen Fehler",
    data: "Die Daten sind ungültig",
    places: "Orte",
    sources: "Quellen",
    notes: "Anmerkungen",
    type: "Art",
    partOf: "Teil von",
    overview: "Zu einem Jahr springen",
    circa: "ca.",
    planned: "geplant",
    postponed: "verschoben",
    cancelled: "abgesagt",
    held: "",
    milestone: "Meilenstein",
    filtersButton: "Filter",
    skipToEvents: "Zu den Ereignissen springen",
    skipPast: "Zeitleiste überspringen",
    language: "Sprache",
    copyLink: "Link kopieren",
    copied: "Link kopiert",
    clearSearch: "Suche löschen",
    allYears: "Alle Jahre zeigen",
    remove: "Filter entfernen:",
    noneFor: "Keine Ereignisse für",
    badFilter: "Diese Filter lassen sich nicht anwenden; bitte kürzer suchen.",
    ignored: "Nicht gefunden, ignoriert:",
    gap: "keine passenden Ereignisse",
  },
} as const;

export type Strings = (typeof STRINGS)["en"];

/** The language a value asks for; anything but German falls back to English. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith("de") ? "de" : "en";
}

export function strings(lang: Lang): Strings {
  return STRINGS[lang] as Strings;
}

/** The locale for Intl formats: British English gives "29 September 2023", German "29. September 2023". */
export function locale(lang: Lang): string {
  return lang === "de" ? "de-DE" : "en-GB";
}

const numbers = new Map<string, Intl.NumberFormat>();
/** Intl.NumberFormat instances are costly to make: one per language and unit. */
function number(lang: Lang, unit?: "day" | "month"): Intl.NumberFormat {
  const key = lang + unit;
  let f = numbers.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), unit && { style: "unit", unit, unitDisplay: "long" });
    numbers.set(key, f);
  }
  return f;
}

/** "1 event", "1.024 Ereignisse". */
export function countText(lang: Lang, count: number): string {
  const [one, many] = strings(lang).events;
  return `${number(lang).format(count)} ${count === 1 ? one : many}`;
}

/** "3 days", "2 Monate" (Intl unit formatting). */
export function unitText(lang: Lang, value: number, unit: "day" | "month"): string {
  return number(lang, unit).format(value);
}
