import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import {
  asRepository,
  type DockerImageReference,
  daemonMinimal,
  exactReference,
  mostSpecific,
  parseDockerImageReference,
  referenceString,
  referencesEqual,
} from "../../src/reference/index.js";
import semantics from "../fixtures/reference/semantics-reference.json" with { type: "json" };
import { deepFreeze } from "../support/freeze.js";

interface Case {
  input: unknown;
  expect?: unknown;
  error?: unknown;
  note?: string;
}
interface Group {
  function: string;
  spec_rule: string;
  cases: Case[];
}

const groups = (semantics as { groups: Group[] }).groups;
const byFunction = (prefix: string): Group[] => groups.filter((g) => g.function.startsWith(prefix));

function label(c: Case): string {
  return JSON.stringify(c.input).slice(0, 90);
}

describe("docs/behaviour.md §3 reference vectors", () => {
  it("covers every group of the fixture", () => {
    const known = [
      "reference.Parse",
      "DockerImageReference.AsRepository",
      "DockerImageReference.DaemonMinimal",
      "DockerImageReference.String",
      "DockerImageReference.Equal",
      "mostAccuratePullSpec",
    ];
    for (const g of groups) {
      if (g.function.startsWith("ParseImageStream") || g.function.startsWith("JoinImageStream")) continue;
      expect(
        known.some((k) => g.function.startsWith(k)),
        g.function,
      ).toBe(true);
    }
  });

  for (const g of byFunction("reference.Parse")) {
    describe(`R3.1 ${g.function} (${g.cases.length} cases)`, () => {
      it.each(g.cases.map((c) => [label(c), c] as const))("%s", (_l, c) => {
        const input = c.input as string;
        if (c.error) {
          expect(() => parseDockerImageReference(input)).toThrow(ImageReferenceError);
        } else {
          expect(parseDockerImageReference(input)).toEqual(c.expect);
        }
      });
    });
  }

  const printers: Array<[string, (r: DockerImageReference) => string]> = [
    ["DockerImageReference.AsRepository", (r) => referenceString(asRepository(r))],
    ["DockerImageReference.DaemonMinimal", (r) => exactReference(daemonMinimal(r))],
    ["DockerImageReference.String", (r) => referenceString(r)],
  ];
  for (const [prefix, fn] of printers) {
    for (const g of byFunction(prefix)) {
      describe(`${g.spec_rule} ${g.function} (${g.cases.length} cases)`, () => {
        it.each(g.cases.map((c) => [label(c), c] as const))("%s", (_l, c) => {
          const r = deepFreeze(c.input as DockerImageReference);
          expect(fn(r)).toBe(c.expect);
        });
      });
    }
  }

  for (const g of byFunction("DockerImageReference.Equal")) {
    describe(`R3.2.5 ${g.function} (${g.cases.length} cases)`, () => {
      it.each(g.cases.map((c) => [label(c), c] as const))("%s", (_l, c) => {
        const { a, b } = deepFreeze(c.input as { a: DockerImageReference; b: DockerImageReference });
        expect(referencesEqual(a, b)).toBe(c.expect);
        expect(referencesEqual(b, a)).toBe(c.expect);
      });
    });
  }

  for (const g of byFunction("mostAccuratePullSpec")) {
    describe(`R3.2.4 ${g.function} (${g.cases.length} cases)`, () => {
      it.each(g.cases.map((c) => [label(c), c] as const))("%s", (_l, c) => {
        const { ref, id } = c.input as { ref: string; id: string };
        const parsed = parseDockerImageReference(ref);
        expect(exactReference(mostSpecific({ ...parsed, id }))).toBe(c.expect);
      });
    });
  }
});
