/** Test helper: recursively freezes a value so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    }
  }
  return value;
}

/** Test helper: a deep clone through JSON, to compare an input before and after a call. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Test helper: true when `value` and every object reachable from it are frozen. */
export function isDeepFrozen(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (!Object.isFrozen(v)) return false;
    for (const key of Reflect.ownKeys(v)) stack.push((v as Record<PropertyKey, unknown>)[key]);
  }
  return true;
}
