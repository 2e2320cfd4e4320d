/**
 * Defensive accessors shared by the resolve module (not exported from the package).
 *
 * Streams come from user data: every field may be missing or of the wrong type, so these
 * helpers never throw and never return anything but well-typed values.
 */
import type { ImageStream, NamedTagEventList, TagEvent, TagReference } from "../model/index.js";

/** The stream's `status.tags`, or an empty list. */
export function statusTags(stream: ImageStream | undefined | null): readonly NamedTagEventList[] {
  const tags = stream?.status?.tags;
  return Array.isArray(tags) ? tags : [];
}

/** The stream's `spec.tags`, or an empty list. */
export function specTags(stream: ImageStream | undefined | null): readonly TagReference[] {
  const tags = stream?.spec?.tags;
  return Array.isArray(tags) ? tags : [];
}

/** `StatusHasTag`: the first status entry for `tag` (R2.7). */
export function statusHasTag(
  stream: ImageStream | undefined | null,
  tag: string,
): NamedTagEventList | undefined {
  for (const t of statusTags(stream)) {
    if (t !== null && typeof t === "object" && t.tag === tag) return t;
  }
  return undefined;
}

/** `SpecHasTag`: the first spec tag named `tag` (R2.7). */
export function specHasTag(stream: ImageStream | undefined | null, tag: string): TagReference | undefined {
  for (const t of specTags(stream)) {
    if (t !== null && typeof t === "object" && t.name === tag) return t;
  }
  return undefined;
}

/** The history items of a status entry, or an empty list. */
export function itemsOf(list: NamedTagEventList | undefined): readonly TagEvent[] {
  const items = list?.items;
  return Array.isArray(items) ? items : [];
}

/** A string field, or `""` when missing or not a string. */
export function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** An integer field, or 0 when missing or not a number. */
export function int(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/** `tag`, or `latest` when empty (`DefaultImageTag`). */
export function defaultTag(tag: unknown): string {
  return typeof tag === "string" && tag.length > 0 ? tag : "latest";
}

/** An options argument: a null or non-object one is `{}` (never a TypeError). */
export function optionsOf<T extends object>(opts: T | null | undefined): Partial<T> {
  return typeof opts === "object" && opts !== null ? opts : {};
}
