/**
 * The fake API's own patch appliers and selectors: RFC 6902 (Appendix A examples) and RFC 7386
 * (Appendix A examples), checked against fast-json-patch as an oracle, and the label and field
 * selectors of list and watch requests.
 */
import { fc, test } from "@fast-check/vitest";
import jsonpatch from "fast-json-patch";
import { describe, expect, it } from "vitest";
import {
  applyJsonPatch,
  applyMergePatch,
  jsonEqual,
  PatchError,
} from "../../src/testing/fake-api/json-patch.js";
import { matchesSelectors, selectorsOf } from "../../src/testing/fake-api/selectors.js";

type Row = { name: string; doc: unknown; patch: unknown[]; want?: unknown; error?: RegExp };

const RFC6902: Row[] = [
  {
    name: "A.1 add an object member",
    doc: { foo: "bar" },
    patch: [{ op: "add", path: "/baz", value: "qux" }],
    want: { baz: "qux", foo: "bar" },
  },
  {
    name: "A.2 add an array element",
    doc: { foo: ["bar", "baz"] },
    patch: [{ op: "add", path: "/foo/1", value: "qux" }],
    want: { foo: ["bar", "qux", "baz"] },
  },
  {
    name: "A.3 remove an object member",
    doc: { baz: "qux", foo: "bar" },
    patch: [{ op: "remove", path: "/baz" }],
    want: { foo: "bar" },
  },
  {
    name: "A.4 remove an array element",
    doc: { foo: ["bar", "qux", "baz"] },
    patch: [{ op: "remove", path: "/foo/1" }],
    want: { foo: ["bar", "baz"] },
  },
  {
    name: "A.5 replace a value",
    doc: { baz: "qux", foo: "bar" },
    patch: [{ op: "replace", path: "/baz", value: "boo" }],
    want: { baz: "boo", foo: "bar" },
  },
  {
    name: "A.6 move a value",
    doc: { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } },
    patch: [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }],
    want: { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } },
  },
  {
    name: "A.7 move an array element",
    doc: { foo: ["all", "grass", "cows", "eat"] },
    patch: [{ op: "move", from: "/foo/1", path: "/foo/3" }],
    want: { foo: ["all", "cows", "eat", "grass"] },
  },
  {
    name: "A.8 test a value: success",
    doc: { baz: "qux", foo: ["a", 2, "c"] },
    patch: [
      { op: "test", path: "/baz", value: "qux" },
      { op: "test", path: "/foo/1", value: 2 },
    ],
    want: { baz: "qux", foo: ["a", 2, "c"] },
  },
  {
    name: "A.9 test a value: error",
    doc: { baz: "qux" },
    patch: [{ op: "test", path: "/baz", value: "bar" }],
    error: /testing value \/baz failed/,
  },
  {
    name: "A.10 add a nested member object",
    doc: { foo: "bar" },
    patch: [{ op: "add", path: "/child", value: { grandchild: {} } }],
    want: { foo: "bar", child: { grandchild: {} } },
  },
  {
    name: "A.11 ignore unrecognized elements",
    doc: { foo: "bar" },
    patch: [{ op: "add", path: "/baz", value: "qux", xyz: 123 }],
    want: { foo: "bar", baz: "qux" },
  },
  {
    name: "A.12 add to a nonexistent target",
    doc: { foo: "bar" },
    patch: [{ op: "add", path: "/baz/bat", value: "qux" }],
    error: /missing path/,
  },
  {
    name: "A.14 ~ escape ordering",
    doc: { "/": 9, "~1": 10 },
    patch: [{ op: "test", path: "/~01", value: 10 }],
    want: { "/": 9, "~1": 10 },
  },
  {
    name: "A.15 comparing strings and numbers",
    doc: { "/": 9, "~1": 10 },
    patch: [{ op: "test", path: "/~01", value: "10" }],
    error: /failed/,
  },
  {
    name: "A.16 add an array value",
    doc: { foo: ["bar"] },
    patch: [{ op: "add", path: "/foo/-", value: ["abc", "def"] }],
    want: { foo: ["bar", ["abc", "def"]] },
  },
  {
    name: "copy a value (a deep copy)",
    doc: { a: { b: [1] } },
    patch: [
      { op: "copy", from: "/a", path: "/c" },
      { op: "add", path: "/c/b/-", value: 2 },
    ],
    want: { a: { b: [1] }, c: { b: [1, 2] } },
  },
  {
    name: "replace the whole document",
    doc: { a: 1 },
    patch: [{ op: "replace", path: "", value: { b: 2 } }],
    want: { b: 2 },
  },
  {
    name: "a move into its own child",
    doc: { a: { b: {} } },
    patch: [{ op: "move", from: "/a", path: "/a/b/c" }],
    error: /children/,
  },
  {
    name: "an array index with a leading zero",
    doc: { a: [1, 2] },
    patch: [{ op: "remove", path: "/a/01" }],
    error: /missing path/,
  },
  {
    name: "an index past the end",
    doc: { a: [1] },
    patch: [{ op: "add", path: "/a/2", value: 0 }],
    error: /out of bounds/,
  },
  {
    name: "a bad escape",
    doc: { a: 1 },
    patch: [{ op: "test", path: "/~2", value: 1 }],
    error: /invalid escape/,
  },
  {
    name: "a pointer without a leading slash",
    doc: { a: 1 },
    patch: [{ op: "remove", path: "a" }],
    error: /must start with/,
  },
  { name: "an unknown op", doc: {}, patch: [{ op: "merge", path: "/a" }], error: /Unexpected kind/ },
  { name: "a missing value", doc: {}, patch: [{ op: "add", path: "/a" }], error: /missing value/ },
  { name: "removing the document", doc: {}, patch: [{ op: "remove", path: "" }], error: /whole document/ },
];

describe("applyJsonPatch (RFC 6902)", () => {
  it.each(RFC6902)("$name", ({ doc, patch, want, error }) => {
    const frozen = structuredClone(doc);
    if (error) {
      expect(() => applyJsonPatch(doc, patch)).toThrow(error);
    } else {
      expect(applyJsonPatch(doc, patch)).toEqual(want);
    }
    expect(doc).toEqual(frozen);
  });

  it.each([
    ["an object", {}],
    ["an array of strings", ["add"]],
  ])("a body that is %s is a decode error (400), not an apply error", (_name, body) => {
    const err = (() => {
      try {
        applyJsonPatch({}, body);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(PatchError);
    expect((err as PatchError).stage).toBe("decode");
  });

  it("more operations than the limit is a decode error", () => {
    expect(() =>
      applyJsonPatch(
        {},
        [
          { op: "test", path: "", value: {} },
          { op: "test", path: "", value: {} },
        ],
        1,
      ),
    ).toThrow(/maximum operations/);
  });

  it("__proto__ stays an own key", () => {
    const out = applyJsonPatch({}, [{ op: "add", path: "/__proto__", value: { polluted: true } }]) as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.prop([fc.jsonValue(), fc.jsonValue()])(
    "the patch fast-json-patch computes from a to b takes a to b (and a is left unchanged)",
    (a, b) => {
      const docA = { root: a };
      const docB = { root: b };
      const before = structuredClone(docA);
      const ops = jsonpatch.compare(docA, docB);
      expect(jsonEqual(applyJsonPatch(docA, ops), JSON.parse(JSON.stringify(docB)))).toBe(true);
      expect(docA).toEqual(before);
    },
  );
});

describe("applyMergePatch (RFC 7386)", () => {
  it.each([
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])("Appendix A: %j + %j = %j", (target, patch, want) => {
    expect(applyMergePatch(target, patch)).toEqual(want);
  });

  it.each([[["c"]], [null], ["bar"]])("a patch that is not an object (%j) is a decode error", (patch) => {
    expect(() => applyMergePatch({ a: 1 }, patch)).toThrow(PatchError);
  });
});

describe("label and field selectors", () => {
  const obj = { metadata: { name: "app", namespace: "test", labels: { tier: "web", release: "1" } } };
  it.each([
    ["tier=web", "", true],
    ["tier==web", "", true],
    ["tier!=web", "", false],
    ["tier=db", "", false],
    ["release", "", true],
    ["!release", "", false],
    ["canary", "", false],
    ["!canary,tier=web", "", true],
    ["", "metadata.name=app", true],
    ["", "metadata.name!=app", false],
    ["", "metadata.namespace=other", false],
    ["tier=web", "metadata.name=app,metadata.namespace=test", true],
  ])("labelSelector %j, fieldSelector %j → %s", (labels, fields, want) => {
    const q = new URLSearchParams({ labelSelector: labels, fieldSelector: fields });
    expect(matchesSelectors(obj, selectorsOf(q))).toBe(want);
  });

  it.each([
    ["labelSelector", "env in (a,b)"],
    ["labelSelector", "=web"],
    ["fieldSelector", "spec.x=1"],
    ["fieldSelector", "metadata.name"],
  ])("%s %j is a 400", (key, value) => {
    expect(() => selectorsOf(new URLSearchParams({ [key]: value }))).toThrow(/selector|requirement/);
  });
});
