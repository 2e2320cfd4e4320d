/**
 * Compile-time checks that keep each zod schema and its hand-written interface identical: a field
 * on one side only, a different type, an extra union member or a different optionality fails `tsc`
 * with a message naming the difference. Types only: nothing here exists at run time.
 */
import type { z } from "zod";

/** `T` without the `[key: string]: unknown` that `z.looseObject` adds: the known fields only. */
type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** The interfaces use readonly arrays, zod outputs mutable ones: compare them as readonly. */
type ReadonlyArrays<V> = V extends readonly (infer E)[] ? readonly E[] : V;
type Norm<T> = { [K in keyof T]: ReadonlyArrays<T[K]> };

/**
 * `true` when the object type `O` (a schema's output or input) and the interface `T` have the same
 * keys, the same optionality and the same field types; otherwise an object type that names the
 * difference, so the `Assert` using it fails to compile with a readable message.
 */
type Same<O, T> = [Exclude<keyof O, keyof T> | Exclude<keyof T, keyof O>] extends [never]
  ? [O] extends [Norm<T>]
    ? [Norm<T>] extends [O]
      ? true
      : { interfaceWiderThanSchema: T }
    : { schemaWiderThanInterface: O }
  : { onlyInSchema: Exclude<keyof O, keyof T>; onlyInInterface: Exclude<keyof T, keyof O> };

/** Whether the output of schema `S` (unknown fields aside) is exactly the interface `T`. */
export type InSync<S extends z.ZodType, T> = Same<Norm<Known<z.output<S>>>, T>;

/** Whether the input of schema `S` (unknown fields aside) is exactly the interface `T`. */
export type InSyncInput<S extends z.ZodType, T> = Same<Norm<Known<z.input<S>>>, T>;

/** Compiles only when `T` is `true`: `type _ = Assert<InSync<typeof schema, Interface>>`. */
export type Assert<T extends true> = T;
