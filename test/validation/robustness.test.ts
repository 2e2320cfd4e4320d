/** Bad input: validation entry points never throw a TypeError. */
import { describe, expect, it } from "vitest";
import { BadRequestError, InvalidError } from "../../src/errors.js";
import { assertValid, validateTagReference } from "../../src/validation/index.js";

describe("bad input: validation", () => {
  it("bad input: assertValid with non-array fieldErrors throws BadRequestError, not TypeError", () => {
    for (const v of ["abc", null, {}, { length: 1 }]) {
      expect(() => assertValid("ImageStream", "x", v as never)).toThrow(BadRequestError);
    }
    expect(() => assertValid("ImageStream", "x", [])).not.toThrow();
    expect(() => assertValid(Object.create(null), Object.create(null), [null] as never)).toThrow(
      InvalidError,
    );
  });

  it("bad input: validateTagReference with a non-string path reads it as the empty path, not TypeError", () => {
    const ref = { name: "a", from: { kind: "DockerImage", name: "" } };
    expect(validateTagReference(ref, Object.create(null)).map((e) => e.field)).toEqual(["from.name"]);
    expect(validateTagReference(null, Object.create(null))).toEqual([]);
  });
});
