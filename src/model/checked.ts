/**
 * What the library knows about values it produced: a `WeakSet` of deeply frozen states. Only
 * frozen objects are ever added, so an entry can never go stale, and nothing is written on the
 * objects themselves. A remembered state is trusted as deeply frozen: chained calls (`s = f(s)`)
 * skip the freezing walk and the shape work done on first sight.
 */

const deepFrozen = new WeakSet<object>();

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null;
}

/** Remembers `v` (a deeply frozen value the library produced) and returns it. */
export function remember<T>(v: T): T {
  if (isObject(v) && Object.isFrozen(v)) deepFrozen.add(v);
  return v;
}

/** True when `v` is a deeply frozen value the library produced or verified. */
export function isRemembered(v: unknown): boolean {
  return isObject(v) && deepFrozen.has(v);
}

/**
 * Freezes every object reachable from `v` that is not frozen yet, walking through frozen nodes
 * too (immer's auto-freeze stops at a frozen node, so an unfrozen child of a frozen parent would
 * escape it), and remembers the containers it verified, so that later walks stop there: states
 * that share subtrees with a verified one cost only their new parts. Iterative (deep inputs
 * cannot overflow the stack); a cycle ends at the remembered node.
 */
export function deepFreeze<T>(v: T): T {
  if (!isObject(v) || deepFrozen.has(v)) return v;
  const stack: object[] = [v];
  while (stack.length > 0) {
    const node = stack.pop() as object;
    if (deepFrozen.has(node)) continue;
    if (!Object.isFrozen(node)) Object.freeze(node);
    let container = false;
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      if (isObject(child)) {
        container = true;
        if (!deepFrozen.has(child)) stack.push(child);
      }
    }
    // leaves (no object children) are cheap to look at again; containers are remembered
    if (container) deepFrozen.add(node);
  }
  deepFrozen.add(v);
  return v;
}

/**
 * The last step of every write: `result` deeply frozen and remembered. When every input the
 * result was built from is remembered, immer's auto-freeze already froze everything new and the
 * walk is skipped; otherwise one walk makes sure (see {@link deepFreeze}).
 */
export function finish<T>(result: T, ...inputs: readonly unknown[]): T {
  if (isRemembered(result)) return result;
  for (const input of inputs) if (input !== undefined && !isRemembered(input)) return deepFreeze(result);
  return remember(result);
}

/**
 * True for a plain object as JSON or YAML produce it (prototype `Object.prototype` or null): not an
 * array, a `Date`, a `Map` or a class instance.
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * True when `v` and the objects below it, down to `depth` levels, are frozen (and nothing lies
 * deeper): a small value (a spec tag, an event) that can be remembered as checked, since it cannot
 * change afterwards.
 */
export function isFrozenDown(v: unknown, depth: number): boolean {
  if (typeof v !== "object" || v === null) return true;
  if (!Object.isFrozen(v) || depth === 0) return false;
  for (const k of Object.keys(v))
    if (!isFrozenDown((v as Record<string, unknown>)[k], depth - 1)) return false;
  return true;
}

/** The JSON path of the first value in `v` that is not JSON data, or undefined. */
function firstNonJson(v: unknown): string | undefined {
  const stack: [unknown, string][] = [[v, ""]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [x, path] = stack.pop() as [unknown, string];
    const t = typeof x;
    if (x === null || t === "string" || t === "boolean") continue;
    if (t === "number") {
      if (Number.isFinite(x)) continue;
      return path;
    }
    if (t !== "object") return path;
    const o = x as object;
    if (isRemembered(o)) continue;
    if (seen.has(o)) continue; // shared subtrees are checked once (and a cycle ends)
    seen.add(o);
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) stack.push([o[i], `${path}[${i}]`]);
    } else if (isPlainObject(o)) {
      for (const key of Object.keys(o)) {
        const child = (o as Record<string, unknown>)[key];
        if (child !== undefined) stack.push([child, path === "" ? key : `${path}.${key}`]);
      }
    } else return path;
  }
  return undefined;
}

/**
 * The edge check every write makes on each object it is given (remembered states skip it): the
 * value must be JSON data (plain objects, arrays, strings, finite numbers, booleans, null), as it
 * would arrive from the API. Returns the path of the first offending value (`"<root>"` for the
 * value itself), or undefined when the value is JSON data.
 */
export function nonJsonPath(v: unknown): string | undefined {
  if (isRemembered(v)) return undefined;
  const path = firstNonJson(v);
  return path === undefined ? undefined : path === "" ? "<root>" : path;
}
