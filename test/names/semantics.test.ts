import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import {
  digestOrImageMatch,
  joinImageStreamTag,
  parseImageStreamImageName,
  parseImageStreamTagName,
  splitImageStreamTag,
  tagReferencesLocalTag,
} from "../../src/names/index.js";
import names from "../fixtures/names/semantics-names.json" with { type: "json" };
import referenceSemantics from "../fixtures/reference/semantics-reference.json" with { type: "json" };
import { deepFreeze } from "../support/freeze.js";

interface Case {
  name?: string;
  input: unknown;
  expect?: unknown;
  error?: string;
}
interface Group {
  function: string;
  spec_rule: string;
  cases: Case[];
}

const groups = [
  ...(names as { groups: Group[] }).groups,
  // The reference fixture repeats the istag / isimage groups; run those too.
  ...(referenceSemantics as { groups: Group[] }).groups.filter(
    (g) => g.function.startsWith("ParseImageStream") || g.function.startsWith("JoinImageStream"),
  ),
];

function expectError(fn: () => unknown, kind: string, message: string | undefined): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ImageReferenceError);
  expect((err as ImageReferenceError).kind).toBe(kind);
  expect((err as ImageReferenceError).message).toBe(message);
}

const runners: Record<string, (c: Case) => void> = {
  ParseImageStreamTagName: (c) => {
    if (c.error !== undefined)
      expectError(() => parseImageStreamTagName(c.input as string), "ImageStreamTagName", c.error);
    else expect(parseImageStreamTagName(c.input as string)).toEqual(c.expect);
  },
  ParseImageStreamImageName: (c) => {
    if (c.error !== undefined)
      expectError(() => parseImageStreamImageName(c.input as string), "ImageStreamImageName", c.error);
    else expect(parseImageStreamImageName(c.input as string)).toEqual(c.expect);
  },
  JoinImageStreamTag: (c) => {
    const { name, tag } = c.input as { name: string; tag: string };
    expect(joinImageStreamTag(name, tag)).toBe(c.expect);
  },
  SplitImageStreamTag: (c) => {
    expect(splitImageStreamTag(c.input as string)).toEqual(c.expect);
  },
  DigestOrImageMatch: (c) => {
    const { image, id } = c.input as { image: string; id: string };
    expect(digestOrImageMatch(image, id)).toBe(c.expect);
  },
  TagReferencesLocalTag: (c) => {
    const stream = deepFreeze({ metadata: { namespace: "ns", name: "is" } });
    expect(tagReferencesLocalTag(stream, deepFreeze(c.input as object))).toEqual(c.expect);
  },
};

describe("docs/behaviour.md §2 name helper vectors", () => {
  for (const g of groups) {
    const key = Object.keys(runners).find((k) => g.function.startsWith(k));
    it(`has a runner for ${g.function}`, () => {
      expect(key).toBeDefined();
    });
    if (!key) continue;
    const runner = runners[key] as (c: Case) => void;
    describe(`${g.spec_rule} ${g.function} (${g.cases.length} cases)`, () => {
      it.each(g.cases.map((c) => [c.name ?? JSON.stringify(c.input), c] as const))("%s", (_l, c) => {
        runner(c);
      });
    });
  }
});
