import type { Actor, EventType, Theme } from "@ca-timeline/data";
import type { Builder } from "../builder.ts";
import type { Enums } from "./enums.ts";

/** Theme, EventType and Actor: the vocabularies events refer to by id. */
export function addVocabularyTypes(builder: Builder, { Lang, ActorKind }: Enums) {
  const ThemeRef = builder.objectRef<Theme>("Theme").implement({
    description:
      "A theme; the first four are the pillars of the 2023 Strategic Regional Partnership.",
    fields: (t) => ({
      id: t.exposeString("id"),
      label: t.string({
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (theme, { lang }) => theme.label[lang ?? "en"],
      }),
    }),
  });
  const EventTypeRef = builder.objectRef<EventType>("EventType").implement({
    description: "What kind of event: summit, ministerial, visit, strategy, agreement…",
    fields: (t) => ({
      id: t.exposeString("id"),
      label: t.string({
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (type, { lang }) => type.label[lang ?? "en"],
      }),
    }),
  });
  const ActorRef = builder.objectRef<Actor>("Actor").implement({
    description:
      "A state (ISO 3166-1 alpha-2 code) or an organisation (upper-case code such as EU).",
    fields: (t) => ({
      id: t.exposeString("id"),
      kind: t.field({ type: ActorKind, resolve: (actor) => actor.kind }),
      name: t.string({
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (actor, { lang }) => actor.name[lang ?? "en"],
      }),
    }),
  });
  return { Theme: ThemeRef, EventType: EventTypeRef, Actor: ActorRef };
}

export type VocabularyTypes = ReturnType<typeof addVocabularyTypes>;
