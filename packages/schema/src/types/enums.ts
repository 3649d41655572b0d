import { ACTOR_KINDS, DATE_PRECISIONS, LANGS } from "@ca-timeline/data";
import type { Builder } from "../builder.ts";

/** GraphQL enum values from one of the data's value lists: `"day"` → `DAY: { value: "day" }`. */
function valuesOf<T extends string>(
  values: readonly T[],
  descriptions: Partial<Record<T, string>> = {},
) {
  return Object.fromEntries(
    values.map((value) => [value.toUpperCase(), { value, description: descriptions[value] }]),
  ) as { [K in T as Uppercase<K>]: { value: K; description: string | undefined } };
}

/** The enums of the API; their GraphQL names are upper case, their values the data's lower-case ones. */
export function addEnums(builder: Builder) {
  const Lang = builder.enumType("Lang", {
    description: "A language of the dataset; every text exists in both.",
    values: valuesOf(LANGS, { de: "German", en: "English" }),
  });
  const DatePrecision = builder.enumType("DatePrecision", {
    description: "How precisely an event's date is known.",
    values: valuesOf(DATE_PRECISIONS),
  });
  const EventOrder = builder.enumType("EventOrder", {
    description: "Event order: by first day, then last day, then slug.",
    values: {
      DATE_ASC: { value: "DATE_ASC", description: "Earliest first." },
      DATE_DESC: { value: "DATE_DESC", description: "Latest first." },
    } as const,
  });
  const ActorKind = builder.enumType("ActorKind", {
    values: valuesOf(ACTOR_KINDS, {
      state: "A state, by its ISO 3166-1 alpha-2 code.",
      organisation: "An international organisation.",
    }),
  });
  return { Lang, DatePrecision, EventOrder, ActorKind };
}

export type Enums = ReturnType<typeof addEnums>;
