import { describe, expect, it } from "vitest";
import {
  byteLength,
  child,
  keysOf,
  listAsMap,
  num,
  omit,
  own,
  semanticEqual,
} from "../../src/validation/internal.js";
import { parseForValidation } from "../../src/validation/reference.js";

describe("validation internals", () => {
  it("byteLength counts UTF-8 bytes like Go's len()", () => {
    expect(byteLength("abc")).toBe(3);
    expect(byteLength("é")).toBe(2);
    expect(byteLength("€")).toBe(3);
    expect(byteLength("😀")).toBe(4);
    expect(byteLength("\ud800")).toBe(3); // lone surrogate (encoded as U+FFFD)
    expect(byteLength("\ud800x")).toBe(4);
  });

  it("semanticEqual treats Go zero values and absent fields alike", () => {
    expect(semanticEqual({ a: {} }, {})).toBe(true);
    expect(semanticEqual({ a: [], b: "", c: 0, d: false, e: null }, undefined)).toBe(true);
    expect(semanticEqual({ a: [1, null] }, { a: [1, ""] })).toBe(true);
    expect(semanticEqual({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(semanticEqual({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(semanticEqual({ a: "x" }, { a: "y" })).toBe(false);
    expect(semanticEqual({ a: "x" }, { b: "x" })).toBe(false);
    expect(semanticEqual({ a: "x" }, { a: "x", b: "y" })).toBe(false);
    expect(semanticEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(semanticEqual(1, "1")).toBe(false);
    let deep: unknown = "x";
    for (let i = 0; i < 150; i++) deep = { d: deep };
    expect(semanticEqual(deep, deep)).toBe(true);
  });

  it("readers ignore inherited properties and survive throwing getters", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        getOwnPropertyDescriptor() {
          throw new Error("boom");
        },
        ownKeys() {
          throw new Error("boom");
        },
      },
    );
    expect(own(hostile, "x")).toBeUndefined();
    expect(keysOf(hostile)).toEqual([]);
    expect(own({}, "toString")).toBeUndefined();
    expect(num({ n: Number.POSITIVE_INFINITY }, "n")).toBe(0);
    expect(num({ n: -2 }, "n")).toBe(-2);
    expect(child("", "a", "b")).toBe("a.b");
    expect(omit(undefined, ["a"])).toEqual({});
    expect(omit({ a: 1, b: 2 }, ["a"])).toEqual({ b: 2 });
    expect(listAsMap([{ name: "b" }, { name: "a" }, { name: "b", x: 1 }], "name")).toEqual([
      ["a", { name: "a" }],
      ["b", { name: "b", x: 1 }],
    ]);
  });

  it("parseForValidation never throws and keeps the parser's message", () => {
    expect(parseForValidation("a/b:c")).toEqual({ ok: true, tag: "c", id: "" });
    expect(parseForValidation("")).toEqual({
      ok: false,
      message: "repository name must have at least one component",
    });
  });
});

describe("validation internals: adversarial depth", () => {
  it("semanticEqual never throws on absurdly deep values", () => {
    let a: unknown = "x";
    let b: unknown = "x";
    for (let i = 0; i < 200_000; i++) {
      a = { d: a };
      b = { d: b };
    }
    expect(semanticEqual(a, a)).toBe(true);
    expect(typeof semanticEqual(a, b)).toBe("boolean");
  });
});

describe("validation internals: hostile keys", () => {
  it("omit and semanticEqual handle __proto__ / constructor keys on frozen inputs", () => {
    const o = JSON.parse('{"__proto__":{"constructor":[1]},"constructor":"[]"}') as Record<string, unknown>;
    Object.freeze(o);
    Object.freeze(Object.getOwnPropertyDescriptor(o, "__proto__")?.value);
    expect(Object.keys(omit(o, []))).toEqual(["__proto__", "constructor"]);
    expect(semanticEqual(o, JSON.parse('{"constructor":"[]","__proto__":{"constructor":[1]}}'))).toBe(true);
    expect(semanticEqual(o, { constructor: "[]" })).toBe(false);
  });
});
