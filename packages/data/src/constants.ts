// The closed value lists and id grammar of the dataset contract, as plain values (no zod): the runtime
// needs them without the validation library; `validation/schemas.ts` builds the schemas from them.

export const LANGS = ["de", "en"] as const;
export const EVENT_STATUSES = ["held", "planned", "postponed", "cancelled"] as const;
export const ACTOR_KINDS = ["state", "organisation"] as const;
/** A slug or vocabulary id: lower-case words joined by hyphens. */
export const SLUG: RegExp = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
