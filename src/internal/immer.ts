/**
 * The library's only immer instance. Every new state the library returns is produced here, with
 * auto-freeze on, so results are deeply frozen and unchanged subtrees are shared with the input.
 * immer's global configuration (`setAutoFreeze`, `enablePatches`, …) belongs to the host
 * application and is never touched.
 */
import { castDraft, current, type Draft, Immer, isDraft } from "immer";

let instance: Immer | undefined;

/**
 * `produce` of the private instance: a recipe edits a draft; the result is deeply frozen. The
 * instance is made on first use, so that an import of the reference parsers alone carries no immer.
 */
export const produce: Immer["produce"] = ((base: unknown, recipe: unknown) => {
  if (instance === undefined) instance = new Immer({ autoFreeze: true });
  return instance.produce(base as never, recipe as never);
}) as Immer["produce"];

/**
 * The plain value behind `v`: a draft's current state (its base when it has not been written),
 * or `v` itself. Reading plain values avoids creating proxies for every element visited.
 */
export function plain<T>(v: T): T {
  return isDraft(v) ? (current(v as Draft<T>) as T) : v;
}

/**
 * `holder[key]` made writable inside a recipe: a draft or an object created in the recipe as it
 * is; a frozen value (a base object placed into an array the recipe rebuilt, which immer does not
 * draft) replaced by a shallow copy first. Lets rules edit through any mix of drafts and rebuilt
 * arrays without writing on a frozen object.
 */
export function writable<T extends object>(
  holder: Record<string | number, unknown>,
  key: string | number,
): T {
  const v = holder[key] as T;
  if (isDraft(v) || !Object.isFrozen(v)) return v;
  const copy = (Array.isArray(v) ? v.slice() : { ...v }) as T;
  holder[key] = copy;
  return copy;
}

export { castDraft, type Draft };
