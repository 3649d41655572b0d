import type { Builder } from "../builder.ts";

/** The enums of the API; their GraphQL names are upper case, their values the data's lower-case ones. */
export function addEnums(builder: Builder) {
  const Lang = builder.enumType("Lang", {
    description: "A language of the dataset; every text exists in both.",
    values: {
      DE: { value: "de", description: "German" },
      EN: { value: "en", description: "English" },
    } as const,
  });
  const DatePrecision = builder.enumType("DatePrecision", {
    description: "How precisely an event's date is known.",
    values: {
      YEAR: { value: "year" },
      MONTH: { value: "month" },
      DAY: { value: "day" },
    } as const,
  });
  const EventOrder = builder.enumType("EventOrder", {
    description: "Event order: by first day, then last day, then slug.",
    values: {
      DATE_ASC: { value: "DATE_ASC", description: "Earliest first." },
      DATE_DESC: { value: "DATE_DESC", description: "Latest first." },
    } as const,
  });
  const ActorKind = builder.enumType("ActorKind", {
    values: {
      STATE: { value: "state", description: "A state, by its ISO 3166-1 alpha-2 code." },
      ORGANISATION: { value: "organisation", description: "An international organisation." },
    } as const,
  });
  return { Lang, DatePrecision, EventOrder, ActorKind };
}

export type Enums = ReturnType<typeof addEnums>;
