import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { ImageStream, TagReference } from "../../src/model/index.js";
import {
  addTagEvent,
  applyImageStreamMapping,
  createImageStream,
  deleteImageStreamTag,
  updateImageStream,
  updateImageStreamStatus,
} from "../../src/server/index.js";
import { deepFreeze, snapshot } from "../support/freeze.js";
import { digest } from "./helpers.js";

const HOST = "172.30.1.1:5000";
const TAGS = ["a", "b", "latest"];
const IMAGES = [0, 1, 2, 3].map((i) => digest(`img${i}`));

type Op =
  | { kind: "map"; tag: string; image: string; external: boolean }
  | { kind: "set"; tag: string; from: TagReference["from"]; reference: boolean }
  | { kind: "remove"; tag: string }
  | { kind: "lookup" }
  | { kind: "noop" }
  | { kind: "delete"; tag: string };

const tagArb = fc.constantFrom(...TAGS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("map" as const),
    tag: tagArb,
    image: fc.constantFrom(...IMAGES),
    external: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("set" as const),
    tag: tagArb,
    from: fc.oneof(
      fc
        .constantFrom("quay.io/x/app:1", "quay.io/x/app:2")
        .map((name) => ({ kind: "DockerImage" as const, name })),
      tagArb.map((name) => ({ kind: "ImageStreamTag" as const, name })),
    ),
    reference: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("remove" as const), tag: tagArb }),
  fc.constant({ kind: "lookup" as const }),
  fc.constant({ kind: "noop" as const }),
  fc.record({ kind: fc.constant("delete" as const), tag: tagArb }),
);

function sorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (!((names[i - 1] as string) < (names[i] as string))) return false;
  return true;
}

function specTag(s: ImageStream, tag: string): TagReference | undefined {
  return s.spec?.tags?.find((t) => t.name === tag);
}

interface Step {
  next: ImageStream;
  specChanged: boolean;
  noop: boolean;
}

function apply(s: ImageStream, op: Op, i: number): Step {
  const now = new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString().replace(".000", "");
  const opts = { now, internalRegistryHostname: HOST };
  switch (op.kind) {
    case "map": {
      const ref = op.external ? `quay.io/x/app@${op.image}` : `${HOST}/ns/app@${op.image}`;
      const { stream } = applyImageStreamMapping(
        s,
        {
          metadata: { name: "app", namespace: "ns" },
          tag: op.tag,
          image: { metadata: { name: op.image }, dockerImageReference: ref },
        },
        opts,
      );
      const top = stream.status?.tags?.find((t) => t.tag === op.tag)?.items[0];
      // the history top is always the last distinct event
      expect(top?.image).toBe(op.image);
      expect(top?.dockerImageReference).toBe(ref);
      return { next: stream, specChanged: false, noop: false };
    }
    case "set": {
      const old = specTag(s, op.tag);
      const changed =
        old === undefined ||
        old.from?.kind !== op.from?.kind ||
        old.from?.name !== op.from?.name ||
        (old.reference ?? false) !== op.reference;
      const tags = (s.spec?.tags ?? []).filter((t) => t.name !== op.tag);
      tags.push({ ...(old ?? {}), name: op.tag, from: op.from, reference: op.reference } as TagReference);
      const next = updateImageStream(s, { ...s, spec: { ...s.spec, tags } }, opts);
      return { next, specChanged: changed, noop: !changed };
    }
    case "remove": {
      const tags = (s.spec?.tags ?? []).filter((t) => t.name !== op.tag);
      const changed = tags.length !== (s.spec?.tags ?? []).length;
      const next = updateImageStream(s, { ...s, spec: { ...s.spec, tags } }, opts);
      return { next, specChanged: changed, noop: !changed };
    }
    case "lookup": {
      const local = !(s.spec?.lookupPolicy?.local ?? false);
      return {
        next: updateImageStream(s, { ...s, spec: { ...s.spec, lookupPolicy: { local } } }, opts),
        specChanged: true,
        noop: false,
      };
    }
    case "noop":
      return { next: updateImageStream(s, snapshot(s), opts), specChanged: false, noop: true };
    case "delete": {
      const hasSpec = specTag(s, op.tag) !== undefined;
      const hasStatus = s.status?.tags?.some((t) => t.tag === op.tag) ?? false;
      if (!hasSpec && !hasStatus) {
        expect(() => deleteImageStreamTag(s, op.tag, opts)).toThrow("not found");
        return { next: s, specChanged: false, noop: true };
      }
      const next = deleteImageStreamTag(s, op.tag, opts);
      expect(specTag(next, op.tag)).toBeUndefined();
      expect(next.status?.tags?.some((t) => t.tag === op.tag) ?? false).toBe(false);
      return { next, specChanged: hasSpec, noop: false };
    }
  }
}

describe("properties of random sequences of mappings, spec edits and deletions", () => {
  it("generation +1 iff the spec changes; events never newer than the stream; tags sorted; inputs untouched; no-ops return the same object", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        let s = deepFreeze(
          createImageStream(
            { metadata: { name: "app", namespace: "ns" } },
            { now: "2024-01-01T00:00:00Z", internalRegistryHostname: HOST },
          ),
        );
        ops.forEach((op, i) => {
          const before = snapshot(s);
          const { next, specChanged, noop } = apply(s, op, i);
          expect(s).toEqual(before); // deep-frozen input never mutated (and a mutation would throw)
          const g0 = s.metadata?.generation ?? 0;
          const g1 = next.metadata?.generation ?? 0;
          expect(g1).toBe(specChanged ? g0 + 1 : g0);
          if (noop) expect(next).toBe(s);
          for (const list of next.status?.tags ?? []) {
            for (const item of list.items) expect(item.generation).toBeLessThanOrEqual(g1);
          }
          expect(sorted((next.spec?.tags ?? []).map((t) => t.name))).toBe(true);
          expect(sorted((next.status?.tags ?? []).map((t) => t.tag))).toBe(true);
          // after a push, every same-stream alias of the pushed tag shows the new image (R8.10)
          if (op.kind === "map") {
            for (const t of next.spec?.tags ?? []) {
              if (t.from?.kind !== "ImageStreamTag" || t.from.name !== op.tag) continue;
              const mine = next.status?.tags?.find((l) => l.tag === t.name)?.items[0];
              expect(mine?.image).toBe(op.image);
            }
          }
          s = deepFreeze(next);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("R7: after addTagEvent the top is the event's (reference, image); re-adding it is a no-op", () => {
    const evArb = fc.record({
      created: fc.constant("2024-01-01T00:00:00Z"),
      dockerImageReference: fc.constantFrom("r1", "r2", "r3"),
      image: fc.constantFrom("i1", "i2", "i3"),
      generation: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(tagArb, evArb), { maxLength: 30 }), (events) => {
        let s = deepFreeze({ metadata: { name: "x", namespace: "ns" } } as ImageStream);
        for (const [tag, e] of events) {
          const next = addTagEvent(s, tag, e);
          const top = next.status?.tags?.find((l) => l.tag === tag)?.items[0];
          expect([top?.dockerImageReference, top?.image, top?.generation]).toEqual([
            e.dockerImageReference,
            e.image,
            e.generation,
          ]);
          expect(addTagEvent(next, tag, e)).toBe(next);
          expect(sorted((next.status?.tags ?? []).map((t) => t.tag))).toBe(true);
          s = deepFreeze(next);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("R6.3: a status update never changes the spec or the stream generation", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), fc.integer({ min: 0, max: 3 }), (ops, gen) => {
        let s = deepFreeze(
          createImageStream({ metadata: { name: "app", namespace: "ns" } }, { now: "2024-01-01T00:00:00Z" }),
        );
        ops.forEach((op, i) => {
          s = deepFreeze(apply(s, op, i).next);
        });
        const status = {
          ...s.status,
          tags: [
            {
              tag: "zz",
              items: [
                { created: "2024-01-01T00:00:00Z", dockerImageReference: "a/b", image: "i", generation: gen },
              ],
            },
          ],
        };
        const next = updateImageStreamStatus(s, { ...s, spec: { tags: [] }, status }, {});
        expect(next.spec?.tags ?? []).toEqual(s.spec?.tags ?? []);
        expect(next.metadata?.generation).toBe(s.metadata?.generation);
        expect(next.status?.tags?.[0]?.items[0]?.generation).toBe(gen === 0 ? s.metadata?.generation : gen);
      }),
      { numRuns: 100 },
    );
  });
});
