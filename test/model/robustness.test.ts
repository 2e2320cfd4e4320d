/**
 * Bad input: the model normalizers throw InvalidError (listing every bad field) or
 * BadRequestError on a wrong shape, never a TypeError, and never mutate their input.
 */
import { describe, expect, it } from "vitest";
import { BadRequestError, InvalidError } from "../../src/errors.js";
import {
  compareTagNames,
  normalizeImageStream,
  normalizeImageStreamImport,
  normalizeTagReference,
} from "../../src/model/index.js";
import { deepFreeze } from "../support/freeze.js";
import { thrown } from "../support/thrown.js";

describe("bad input: model normalizers", () => {
  it('bad input: compareTagNames("a", []) throws BadRequestError, not TypeError', () => {
    expect(() => compareTagNames("a", [] as never)).toThrow(BadRequestError);
    expect(() => compareTagNames(null as never, "a")).toThrow("tag names must be strings");
    expect(compareTagNames("a", "b")).toBeLessThan(0);
  });

  it("bad input: normalizeImageStream with a non-array spec.tags throws InvalidError, not TypeError", () => {
    const stream = deepFreeze({ metadata: { name: "s" }, spec: { tags: { 0: { name: "a" } } } });
    const err = thrown(() => normalizeImageStream(stream as never));
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).message).toBe(
      'ImageStream.image.openshift.io "s" is invalid: spec.tags: Invalid value: {"0":{"name":"a"}}: must be an array',
    );
  });

  it("bad input: normalizeImageStream lists every bad field", () => {
    const stream = deepFreeze({ spec: { tags: [5, { name: 1 }] }, status: { tags: [{ tag: null }] } });
    const err = thrown(() => normalizeImageStream(stream as never)) as InvalidError;
    expect(err).toBeInstanceOf(InvalidError);
    expect(err.fieldErrors.map((e) => e.field)).toEqual([
      "spec.tags[0]",
      "spec.tags[1].name",
      "status.tags[0].tag",
    ]);
  });

  it("bad input: normalizeImageStream(null) and a non-object spec throw InvalidError", () => {
    expect(thrown(() => normalizeImageStream(null as never))).toBeInstanceOf(InvalidError);
    expect(() => normalizeImageStream(null as never)).toThrow(
      "<root>: Invalid value: null: must be an object",
    );
    expect(() => normalizeImageStream({ spec: 5, status: [] } as never)).toThrow(InvalidError);
  });

  it("bad input: normalizeImageStream treats null spec, status and tag lists as absent", () => {
    const s = deepFreeze({ spec: null, status: null });
    expect(normalizeImageStream(s as never)).toBe(s);
    expect(normalizeImageStream(deepFreeze({ status: { tags: null } }) as never)).toEqual({ status: {} });
  });

  it("bad input: a null or non-object options argument is treated as {}", () => {
    const s = deepFreeze({ spec: { tags: [{ name: "a" }] } });
    for (const opts of [null, 5, { defaultImportMode: {} }]) {
      expect(normalizeImageStream(s as never, opts as never)).toEqual(normalizeImageStream(s as never));
    }
  });

  it("bad input: normalizeTagReference(null) throws InvalidError, not TypeError", () => {
    expect(thrown(() => normalizeTagReference(null as never))).toBeInstanceOf(InvalidError);
    expect(() => normalizeTagReference("x" as never)).toThrow(InvalidError);
    expect(normalizeTagReference({ name: "a" }, null as never).importPolicy).toEqual({
      importMode: "Legacy",
    });
  });

  it("bad input: normalizeImageStreamImport with non-array images throws InvalidError, not TypeError", () => {
    const isi = deepFreeze({ metadata: { name: "i" }, spec: { import: true, images: { 0: {} } } });
    expect(thrown(() => normalizeImageStreamImport(isi as never))).toBeInstanceOf(InvalidError);
    expect(() => normalizeImageStreamImport(isi as never)).toThrow("spec.images: Invalid value");
    expect(() => normalizeImageStreamImport({ spec: { images: [null] } } as never)).toThrow("spec.images[0]");
    expect(() => normalizeImageStreamImport({ status: { import: { spec: { tags: 1 } } } } as never)).toThrow(
      "status.import.spec.tags",
    );
    expect(thrown(() => normalizeImageStreamImport(undefined as never))).toBeInstanceOf(InvalidError);
  });

  it("bad input: normalizeImageStreamImport treats null images, repository and import as absent", () => {
    const isi = deepFreeze({ spec: { images: null, repository: null }, status: { import: null } });
    expect(normalizeImageStreamImport(isi as never)).toBe(isi);
  });
});
