import { describe, expect, it } from "vitest";
import {
  digestOrImageMatch,
  joinImageStreamImage,
  joinImageStreamTag,
  parseImageStreamImageName,
  parseImageStreamTagName,
  splitImageStreamImage,
  splitImageStreamTag,
  tagReferencesLocalTag,
} from "../../src/names/index.js";
import { goQuote } from "../../src/names/stream-names.js";
import { deepFreeze } from "../support/freeze.js";
import { referenceErrorOf } from "../support/thrown.js";

const H = "3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";

describe("split and join (R2.1–R2.3)", () => {
  it("R2.1 splitImageStreamTag splits at the first colon, defaults latest", () => {
    expect(splitImageStreamTag("a:b:c")).toEqual({ name: "a", tag: "b:c", ok: true });
    expect(splitImageStreamTag("foo:")).toEqual({ name: "foo", tag: "latest", ok: true });
    expect(splitImageStreamTag("")).toEqual({ name: "", tag: "latest", ok: false });
  });
  it("R2.2 splitImageStreamImage splits at the first @", () => {
    expect(splitImageStreamImage("a@b@c")).toEqual({ name: "a", id: "b@c", ok: true });
    expect(splitImageStreamImage("a")).toEqual({ name: "a", id: "", ok: false });
  });
  it("R2.3 join", () => {
    expect(joinImageStreamTag("foo", "")).toBe("foo:latest");
    expect(joinImageStreamTag("foo", "1")).toBe("foo:1");
    expect(joinImageStreamImage("foo", "sha256:x")).toBe("foo@sha256:x");
  });
  it("guards non-string input", () => {
    expect(splitImageStreamTag(undefined as unknown as string)).toEqual({
      name: "",
      tag: "latest",
      ok: false,
    });
    expect(splitImageStreamImage(null as unknown as string)).toEqual({ name: "", id: "", ok: false });
    expect(joinImageStreamTag(undefined as unknown as string, undefined as unknown as string)).toBe(
      ":latest",
    );
    expect(joinImageStreamImage(undefined as unknown as string, undefined as unknown as string)).toBe("@");
  });
});

describe("strict parsing (R2.4, R2.5)", () => {
  it("R2.4 errors are ImageReferenceError(ImageStreamTagName) with library-go messages and offsets", () => {
    const at = referenceErrorOf(() => parseImageStreamTagName("repo@sha256:abc"));
    expect(at.kind).toBe("ImageStreamTagName");
    expect(at.message).toBe('"repo@sha256:abc" is an image stream image, not an image stream tag');
    expect(at.offset).toBe(4);
    expect(referenceErrorOf(() => parseImageStreamTagName("a:b:c")).offset).toBe(3);
    expect(referenceErrorOf(() => parseImageStreamTagName("abc")).offset).toBeUndefined();
    expect(referenceErrorOf(() => parseImageStreamTagName("name:")).message).toBe(
      'image stream tag name "name:" must have a name and a tag',
    );
    expect(parseImageStreamTagName("ruby:2.7")).toEqual({ name: "ruby", tag: "2.7" });
  });
  it("R2.5 isimage errors", () => {
    const e = referenceErrorOf(() => parseImageStreamImageName("a@b@c"));
    expect(e.kind).toBe("ImageStreamImageName");
    expect(e.offset).toBe(3);
    expect(referenceErrorOf(() => parseImageStreamImageName("@id")).message).toBe(
      'image stream image name "@id" must have a name and ID',
    );
    expect(parseImageStreamImageName("r@id")).toEqual({ name: "r", id: "id" });
  });
  it("messages quote the input the way Go's %q does", () => {
    expect(referenceErrorOf(() => parseImageStreamTagName('a"b\n')).message).toBe(
      'expected exactly one : delimiter in the istag "a\\"b\\n"',
    );
    expect(goQuote("\\\t\r\u0007\b\f\v\u0001\u007fé")).toBe('"\\\\\\t\\r\\a\\b\\f\\v\\x01\\x7fé"');
    expect(goQuote("\ud800")).toBe('"\ufffd"');
    expect(goQuote("a\udc00b")).toBe('"a\ufffdb"');
    expect(goQuote("😀")).toBe('"😀"');
    expect(goQuote("plain")).toBe('"plain"');
    expect(referenceErrorOf(() => parseImageStreamImageName(undefined as unknown as string)).input).toBe(
      "undefined",
    );
    expect(referenceErrorOf(() => parseImageStreamTagName(undefined as unknown as string)).input).toBe(
      "undefined",
    );
  });
});

describe("long input", () => {
  it("R2.4 a 1 MB istag name is rejected in linear time (message built without per-character concatenation)", () => {
    const big = "a:".repeat(500_000);
    const e = referenceErrorOf(() => parseImageStreamTagName(big));
    // the message quotes at most 256 characters of the input, then its length; the input stays on the error
    expect(e.message).toBe(
      `expected exactly one : delimiter in the istag "${big.slice(0, 256)}"… (1000000 characters)`,
    );
    expect(e.input).toBe(big);
    const quoted = referenceErrorOf(() => parseImageStreamImageName(`${'"'.repeat(100_000)}@@`));
    expect(quoted.message).toContain('\\"\\"');
  });
});

describe("digestOrImageMatch (R2.6)", () => {
  it("R2.6 digest hex prefix, full-string prefix, and the empty id", () => {
    expect(digestOrImageMatch(`sha256:${H}`, H.slice(0, 6))).toBe(true);
    expect(digestOrImageMatch(`sha256:${H}`, "sha256:3c8")).toBe(true);
    expect(digestOrImageMatch(`sha256:${H}`, "")).toBe(true);
    expect(digestOrImageMatch(`sha256:${H}`, "ff")).toBe(false);
    expect(digestOrImageMatch("mytag2", "mytag")).toBe(true);
    expect(digestOrImageMatch(undefined as unknown as string, "")).toBe(true);
  });
});

describe("tagReferencesLocalTag (R2.8)", () => {
  const stream = deepFreeze({ metadata: { name: "is", namespace: "ns" } });
  it("R2.8 only ImageStreamTag refs into the same stream", () => {
    expect(tagReferencesLocalTag(stream, { from: { kind: "ImageStreamTag", name: "is:foo" } })).toEqual({
      tag: "foo",
      ok: true,
    });
    expect(tagReferencesLocalTag(stream, { from: { kind: "ImageStreamTag", name: "is:a:b" } })).toEqual({
      tag: "",
      ok: false,
    });
    expect(tagReferencesLocalTag(stream, { from: null })).toEqual({ tag: "", ok: false });
    expect(tagReferencesLocalTag(stream, {})).toEqual({ tag: "", ok: false });
    expect(tagReferencesLocalTag({}, { from: { kind: "ImageStreamTag", name: "x" } })).toEqual({
      tag: "x",
      ok: true,
    });
    expect(
      tagReferencesLocalTag(
        { metadata: null },
        { from: { kind: "ImageStreamTag", namespace: "ns", name: "x" } },
      ),
    ).toEqual({ tag: "", ok: false });
    // With an empty stream name the prefix is ":" (upstream trims "<name>:").
    expect(tagReferencesLocalTag({}, { from: { kind: "ImageStreamTag", name: ":x" } })).toEqual({
      tag: "x",
      ok: true,
    });
  });
});
