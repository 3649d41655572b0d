import type { Lang } from "@ca-timeline/data";

// A small guess about text in the data, kept apart from the templates so that it can be tested alone.

const GERMAN =
  /[äöüß„]|\b(der|die|das|des|und|mit|für|zur|zum|nach|über|eine?[mnrs]?|neue[mnrs]?|bei|vom|im)\b/i;

/**
 * The language of a source title, when it is German: the data records a language for cited documents but
 * not for web sources, whose titles are German, English, Russian… Only German is told apart (umlauts, ß
 * and German function words), so that a German title read in the English view gets `lang="de"`.
 */
export function titleLang(title: string, documentLanguage?: string): Lang | undefined {
  if (documentLanguage === "de" || documentLanguage === "en") return documentLanguage;
  return GERMAN.test(title) ? "de" : undefined;
}
