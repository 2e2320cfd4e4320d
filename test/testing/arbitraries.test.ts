/**
 * The published arbitraries of `imagestream/testing`: every value is valid on the wire and for the
 * API server's validation, and each option does what its documentation says.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  arbImage,
  arbImageStream,
  arbImageStreamImport,
  arbImageStreamMapping,
  arbNamedTagEventList,
  arbOperation,
  arbOperations,
  arbReference,
  arbTagEvent,
  arbTagHistory,
  arbTagReference,
  arbTagRequest,
  arbTimestamp,
  deepFreeze,
  imageDigest,
} from "../../src/testing/index.js";
import {
  OperationSchema,
  parseDockerImageReference,
  parseImageStream,
  parseImageStreamImport,
  planTag,
  validateImageStream,
  validateImageStreamImport,
  validateImageStreamMapping,
  validateTagReference,
} from "../support/all.js";

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const STREAM = { namespace: "ns", name: "app" } as const;

describe("arbImageStream", () => {
  test.prop([arbImageStream({ ...STREAM, maxTags: 3 })], { numRuns: 60 })(
    "R4.1 namespace and name fixed by the options; the stream parses and validates clean",
    (s) => {
      expect(s.metadata?.namespace).toBe("ns");
      expect(s.metadata?.name).toBe("app");
      expect(parseImageStream(deepFreeze(s))).toEqual(s);
      expect(validateImageStream(s)).toEqual([]);
    },
  );

  test.prop([arbImageStream({ tagNames: ["latest", "v1"], maxTags: 5 })], { numRuns: 60 })(
    "tagNames: every spec and status tag comes from the list, each at most once",
    (s) => {
      const spec = (s.spec?.tags ?? []).map((t) => t.name);
      const status = (s.status?.tags ?? []).map((t) => t.tag);
      for (const names of [spec, status]) {
        expect(new Set(names).size).toBe(names.length);
        for (const n of names) expect(["latest", "v1"]).toContain(n);
      }
    },
  );

  test.prop([arbImageStream({ unknownFields: true })], { numRuns: 40 })(
    "R1.1 unknownFields: unknown fields at the top, in metadata and spec survive a parse",
    (s) => {
      const parsed = parseImageStream(s) as unknown as Record<string, unknown>;
      expect(parsed["x-unknown"]).toBeDefined();
      expect((parsed.metadata as Record<string, unknown>).selflink).toBeDefined();
      expect((parsed.spec as Record<string, unknown>).futureField).toBeDefined();
    },
  );
});

describe("arbReference, arbTagEvent, arbTagHistory, arbNamedTagEventList, arbTimestamp", () => {
  test.prop([arbReference({ by: "digest", repository: "quay.io/ns/app" })])(
    "R3.1 by digest: parseDockerImageReference gives the repository and an id",
    (r) => {
      const p = parseDockerImageReference(r);
      expect([p.registry, p.namespace, p.name, p.tag]).toEqual(["quay.io", "ns", "app", ""]);
      expect(p.id).toMatch(DIGEST);
    },
  );

  test.prop([arbReference({ by: "tag", tag: "v1" })])("R3.1 by tag: a tag and no id", (r) => {
    const p = parseDockerImageReference(r);
    expect([p.tag, p.id]).toEqual(["v1", ""]);
  });

  test.prop([arbReference()])("R3.1 any reference parses", (r) => {
    expect(() => parseDockerImageReference(r)).not.toThrow();
  });

  test.prop([
    arbTagEvent({ image: imageDigest(1), repository: "registry.example.com/ns/app", maxGeneration: 3 }),
  ])("R1.4.3 a tag event points at its image by digest in the given repository", (e) => {
    expect(e.image).toBe(imageDigest(1));
    expect(e.dockerImageReference).toBe(`registry.example.com/ns/app@${imageDigest(1)}`);
    expect(e.generation).toBeGreaterThanOrEqual(1);
    expect(e.generation).toBeLessThanOrEqual(3);
    expect(e.created).toMatch(TIME);
  });

  test.prop([arbTagHistory({ minLength: 2, maxLength: 3 })])(
    "R1.4.2 a history has the asked length, newest first",
    (items) => {
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(items.length).toBeLessThanOrEqual(3);
      for (let i = 1; i < items.length; i++) {
        expect((items[i - 1]?.created ?? "") >= (items[i]?.created ?? "")).toBe(true);
        expect(items[i - 1]?.generation ?? 0).toBeGreaterThanOrEqual(items[i]?.generation ?? 0);
      }
    },
  );

  test.prop([arbNamedTagEventList({ tag: "latest" })])("a status tag carries the given tag", (l) => {
    expect(l.tag).toBe("latest");
    expect(l.items.length).toBeGreaterThan(0);
  });

  test.prop([arbTimestamp({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2024-01-01T00:00:10Z") })])(
    "arbTimestamp stays in its range, in Kubernetes form",
    (t) => {
      expect(t).toMatch(TIME);
      expect(t >= "2024-01-01T00:00:00Z" && t <= "2024-01-01T00:00:10Z").toBe(true);
    },
  );

  test.prop([arbTagReference({ name: "v1" })])("R4.2 a spec tag with the given name validates clean", (t) => {
    expect(t.name).toBe("v1");
    expect(validateTagReference(t, "spec.tags[v1]")).toEqual([]);
  });

  test.prop([arbImage({ digest: imageDigest(7), repository: "quay.io/ns/app" })])(
    "R1.9 an image is named by its digest and referenced by it",
    (i) => {
      expect(i.metadata?.name).toBe(imageDigest(7));
      expect(i.dockerImageReference).toBe(`quay.io/ns/app@${imageDigest(7)}`);
    },
  );
});

describe("arbImageStreamMapping and arbImageStreamImport", () => {
  test.prop([arbImageStreamMapping({ ...STREAM, tagNames: ["latest"] })])(
    "R4.3 a mapping into the given stream and tag validates clean",
    (m) => {
      expect([m.metadata?.namespace, m.metadata?.name, m.tag]).toEqual(["ns", "app", "latest"]);
      expect(validateImageStreamMapping(m)).toEqual([]);
    },
  );

  test.prop([arbImageStreamImport({ ...STREAM, maxImages: 2 })], { numRuns: 50 })(
    "R4.6 an import result for the given stream parses and validates clean",
    (i) => {
      expect(parseImageStreamImport(i)).toEqual(i);
      expect(validateImageStreamImport(i)).toEqual([]);
      expect(i.spec?.images?.length ?? 0).toBeLessThanOrEqual(2);
      expect(i.status?.images?.length).toBe(i.spec?.images?.length ?? 0);
    },
  );
});

describe("arbTagRequest, arbOperation, arbOperations", () => {
  test.prop([arbTagRequest({ ...STREAM, tagNames: ["a", "b"] })])(
    "R15 a tag request names destinations in the stream and is accepted by planTag",
    (r) => {
      expect(r.namespace).toBe("ns");
      for (const d of r.destinations) expect(["app:a", "app:b"]).toContain(d);
      expect(() => planTag(r)).not.toThrow();
    },
  );

  test.prop([arbOperation(STREAM)], { numRuns: 60 })(
    "every operation has the shape OperationSchema accepts",
    (op) => {
      expect(OperationSchema.safeParse(op).success).toBe(true);
    },
  );

  test.prop([arbOperation({ ...STREAM, types: ["rollback", "prune"] })])(
    "types restricts the kinds drawn",
    (op) => {
      expect(["rollback", "prune"]).toContain(op.type);
    },
  );

  test.prop([arbOperations({ ...STREAM, minLength: 2, maxLength: 4, types: ["mapping", "untag"] })])(
    "a sequence has the asked length; its mappings target the stream",
    (ops) => {
      expect(ops.length).toBeGreaterThanOrEqual(2);
      expect(ops.length).toBeLessThanOrEqual(4);
      for (const op of ops)
        if (op.type === "mapping") expect(op.mapping.metadata).toEqual({ name: "app", namespace: "ns" });
    },
  );

  it("all eight operation types are drawn by default", () => {
    const seen = new Set(fc.sample(arbOperation(STREAM), { numRuns: 300, seed: 42 }).map((op) => op.type));
    expect([...seen].sort()).toEqual(
      ["import", "mapping", "prune", "rollback", "statusUpdate", "tag", "untag", "update"].sort(),
    );
  });
});
