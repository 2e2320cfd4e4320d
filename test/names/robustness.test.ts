/** Bad input: the strict name parsers throw their typed error on any non-string. */
import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import { parseImageStreamImageName, parseImageStreamTagName } from "../../src/names/index.js";

describe("bad input: image stream name parsers", () => {
  it("bad input: parseImageStreamTagName({}) with a null prototype throws ImageReferenceError, not TypeError", () => {
    for (const v of [Object.create(null), { toString: null }, Symbol("x")]) {
      expect(() => parseImageStreamTagName(v as string)).toThrow(ImageReferenceError);
    }
    expect(() => parseImageStreamTagName(Object.create(null))).toThrow(
      'expected exactly one : delimiter in the istag "[object Object]"',
    );
  });

  it("bad input: parseImageStreamImageName({}) with a null prototype throws ImageReferenceError, not TypeError", () => {
    for (const v of [Object.create(null), { toString: null }, Symbol("x")]) {
      expect(() => parseImageStreamImageName(v as string)).toThrow(ImageReferenceError);
    }
  });

  it("bad input: non-string numbers are still printed as before", () => {
    expect(() => parseImageStreamTagName(5 as never)).toThrow(
      'expected exactly one : delimiter in the istag "5"',
    );
  });
});
