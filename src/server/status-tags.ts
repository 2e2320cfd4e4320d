/**
 * A recipe's view of `status.tags`: rules read plain lists (no proxies: reading a modified immer
 * draft through `current` would draft every element) and write whole lists back through the
 * stream draft, so immer copies only the path to what changed and freezes the result. The view
 * lives for one recipe and is passed along explicitly; nothing is cached anywhere else.
 */

import { castDraft, type Draft, plain } from "../internal/immer.js";
import type { ImageStream, NamedTagEventList, TagEvent } from "../model/index.js";
import { dedupeAndSort } from "../model/normalize.js";
import {
  isObj,
  isSortedBy,
  itemsOf,
  locateStatusTag,
  type Obj,
  objectsOnly,
  statusTagName,
} from "./internal.js";

export class StatusTags {
  /** The current lists, plain. */
  private lists: readonly NamedTagEventList[];
  /** `lists` is the plain array assigned to the draft (writes go straight into it). */
  private own = false;
  /** Until then, lists replaced in place, by index into `lists` (the draft's array holds them too). */
  private readonly patched = new Map<number, NamedTagEventList>();
  /** `lists` with `patched` applied, made on demand. */
  private merged: readonly NamedTagEventList[] | undefined;
  /** The lists written so far (for rules that only need to look at what changed). */
  readonly written: NamedTagEventList[] = [];
  /** The lists as they were when the view was made. */
  readonly base: readonly NamedTagEventList[];

  constructor(private readonly d: Draft<ImageStream>) {
    const status = plain(d.status) as unknown;
    const tags = isObj(status) ? status.tags : undefined;
    this.base = Array.isArray(tags) ? objectsOnly(tags as NamedTagEventList[]) : EMPTY;
    this.lists = this.base;
    this.raw = Array.isArray(tags) ? tags : undefined;
  }
  private readonly raw: readonly unknown[] | undefined;

  /** Every list, plain, in stored order. */
  all(): readonly NamedTagEventList[] {
    if (this.patched.size === 0) return this.lists;
    if (this.merged === undefined) {
      const copy = this.lists.slice();
      for (const [i, l] of this.patched) copy[i] = l;
      this.merged = copy;
    }
    return this.merged;
  }

  /** Index of the list for `tag` (the last duplicate), or a negative insertion point. */
  locate(tag: string): number {
    return locateStatusTag(this.lists, tag);
  }

  /** The list for `tag`, or undefined. */
  get(tag: string): NamedTagEventList | undefined {
    const at = this.locate(tag);
    return at >= 0 ? (this.patched.get(at) ?? this.lists[at]) : undefined;
  }

  /** Replaces (or inserts, in sorted position) the list for `list.tag`. */
  set(list: NamedTagEventList): void {
    this.prepare();
    const tag = statusTagName(list);
    const at = this.locate(tag);
    this.written.push(list);
    if (at >= 0) {
      if (this.own) (this.lists as NamedTagEventList[])[at] = list;
      else {
        // one element written through the draft: immer copies the array once, on first write
        const tags = (this.d.status as Obj).tags as unknown as NamedTagEventList[];
        tags[at] = castDraft(list);
        this.patched.set(at, list);
        this.merged = undefined;
      }
      return;
    }
    const next = this.all().slice();
    next.splice(-at - 1, 0, list);
    this.assign(next);
  }

  /**
   * Before the first write: a list that is unsorted, holds duplicates or non-objects is rewritten
   * sorted and de-duplicated (last wins, R1.11), and a missing status is created.
   */
  private prepare(): void {
    if (!isObj(this.d.status)) this.d.status = {};
    if (this.own) return;
    if (this.lists !== this.raw || !isSortedBy(this.lists, statusTagName))
      this.assign([...dedupeAndSort(this.all(), statusTagName, (l) => l)]);
  }

  private assign(next: NamedTagEventList[]): void {
    (this.d.status as Obj).tags = castDraft(next);
    this.lists = next;
    this.own = true;
    this.patched.clear();
    this.merged = undefined;
  }
}

const EMPTY: readonly NamedTagEventList[] = Object.freeze([]);

/** `list` with `items[0]` replaced by `top` (a new list; the other items shared). */
export function withTop(list: NamedTagEventList, top: TagEvent): NamedTagEventList {
  const items = itemsOf(list).slice();
  items[0] = top;
  return { ...list, items };
}
