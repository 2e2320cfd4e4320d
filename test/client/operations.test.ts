import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { applyOperation, type Operation, OperationSchema } from "../../src/client/operations.js";
import { pruneTagHistory } from "../../src/client/prune.js";
import { rollbackTag, tag, untag } from "../../src/client/tag.js";
import { InvalidError } from "../../src/errors.js";
import type { Image, ImageStream } from "../../src/model/index.js";
import {
  createImageStream,
  updateImageStream,
  updateImageStreamStatus,
} from "../../src/server/image-stream.js";
import { applyImportResult } from "../../src/server/imports.js";
import { applyImageStreamMapping } from "../../src/server/mapping.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

const HOST = "image-registry.openshift-image-registry.svc:5000";
const DIGESTS = ["a", "b", "c"].map((c) => `sha256:${c.repeat(64)}`);
const TAGS = ["latest", "3.5", "3.6"];
const NOW = "2024-01-01T00:00:00Z";
const opts = {
  now: NOW,
  internalRegistryHostname: HOST,
  getImage: (n: string) => ({ metadata: { name: n } }) as Image,
};

function start(): ImageStream {
  return deepFreeze(
    createImageStream(
      {
        metadata: { name: "python", namespace: "default" },
        spec: { tags: [{ name: "3.5", from: { kind: "DockerImage", name: "centos/python-35-centos7" } }] },
      },
      opts,
    ),
  );
}

/** The named functions, one per operation type. */
function named(stream: ImageStream | undefined, op: Operation): ImageStream {
  const ns = stream?.metadata?.namespace ?? "";
  switch (op.type) {
    case "mapping":
      return applyImageStreamMapping(stream, op.mapping, opts).stream;
    case "tag": {
      const { type: _t, namespace, ...rest } = op;
      return tag(stream, { ...rest, namespace: namespace ?? ns }, opts).stream;
    }
    case "untag":
      return untag(
        stream as ImageStream,
        { destinations: op.destinations, namespace: op.namespace ?? ns },
        opts,
      ).stream;
    case "rollback":
      return rollbackTag(stream as ImageStream, { tag: op.tag, revision: op.revision }, opts).stream;
    case "update":
      return updateImageStream(stream as ImageStream, op.stream, opts);
    case "statusUpdate":
      return updateImageStreamStatus(stream as ImageStream, op.stream, opts);
    case "import":
      return applyImportResult(stream, op.result, opts).stream;
    case "prune":
      return pruneTagHistory(stream as ImageStream, {
        now: NOW,
        ...(op.keepTagRevisions !== undefined ? { keepTagRevisions: op.keepTagRevisions } : {}),
        ...(op.keepYoungerThan !== undefined ? { keepYoungerThan: op.keepYoungerThan } : {}),
        getImage: opts.getImage,
      });
  }
}

const arbTag = fc.constantFrom(...TAGS);
const arbDigest = fc.constantFrom(...DIGESTS);

const arbOp: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    type: fc.constant("mapping" as const),
    mapping: fc.record({
      metadata: fc.constant({ name: "python", namespace: "default" }),
      tag: arbTag,
      image: arbDigest.map((d) => ({
        metadata: { name: d },
        dockerImageReference: `quay.io/py/python@${d}`,
      })),
    }),
  }),
  fc.record(
    {
      type: fc.constant("tag" as const),
      source: fc.constantFrom(
        "docker.io/python:3.6.0",
        "python:3.5",
        "python:latest",
        "quay.io/a/b:1",
        `python@${DIGESTS[0]}`,
      ),
      destinations: fc.array(
        arbTag.map((t) => `python:${t}`),
        { minLength: 1, maxLength: 2 },
      ),
      alias: fc.boolean(),
      reference: fc.boolean(),
      scheduled: fc.boolean(),
    },
    { requiredKeys: ["type", "source", "destinations"] },
  ),
  fc.record({ type: fc.constant("untag" as const), destinations: arbTag.map((t) => [`python:${t}`]) }),
  fc.record({ type: fc.constant("rollback" as const), tag: arbTag, revision: fc.nat(2) }),
  fc.record({
    type: fc.constant("update" as const),
    stream: fc.record({
      metadata: fc.constant({ name: "python", namespace: "default" }),
      spec: fc.record({
        lookupPolicy: fc.record({ local: fc.boolean() }),
        tags: fc.subarray(
          TAGS.map((t) => ({ name: t, from: { kind: "DockerImage", name: `docker.io/python:${t}` } })),
        ),
      }),
    }),
  }),
  fc.record({
    type: fc.constant("statusUpdate" as const),
    stream: fc.record({
      metadata: fc.constant({ name: "python", namespace: "default" }),
      status: fc.record({
        tags: fc.tuple(arbTag, arbDigest).map(([t, d]) => [
          {
            tag: t,
            items: [{ created: NOW, dockerImageReference: `quay.io/s/python@${d}`, image: d, generation: 0 }],
          },
        ]),
      }),
    }),
  }),
  fc.record({
    type: fc.constant("import" as const),
    result: fc.tuple(arbTag, fc.option(arbDigest, { nil: undefined })).map(([t, d]) => ({
      metadata: { name: "python", namespace: "default" },
      spec: {
        import: true,
        images: [{ from: { kind: "DockerImage", name: `docker.io/python:${t}` }, to: { name: t } }],
      },
      status: {
        images: [
          d === undefined
            ? { status: { status: "Failure", reason: "NotFound", message: "not found" } }
            : {
                status: { status: "Success" },
                image: { metadata: { name: d }, dockerImageReference: `docker.io/python:${t}` },
              },
        ],
      },
    })),
  }),
  fc.record(
    { type: fc.constant("prune" as const), keepTagRevisions: fc.nat(3), keepYoungerThan: fc.constant(0) },
    { requiredKeys: ["type"] },
  ),
) as fc.Arbitrary<Operation>;

type Outcome = { ok: true; stream: ImageStream } | { ok: false; error: string };

function run(f: () => ImageStream): Outcome {
  try {
    return { ok: true, stream: f() };
  } catch (e) {
    return { ok: false, error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

describe("applyOperation — one reducer over every operation", () => {
  it("every generated operation is accepted by OperationSchema", () => {
    fc.assert(
      fc.property(arbOp, (op) => OperationSchema.safeParse(op).success),
      { numRuns: 100 },
    );
  });

  it("property: for random operation sequences applyOperation gives the same states as the named functions", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 8 }), (ops) => {
        let viaReducer: ImageStream = start();
        let viaNamed: ImageStream = start();
        for (const op of ops) {
          const a = run(() => applyOperation(viaReducer, deepFreeze(structuredClone(op)), opts));
          const b = run(() => named(viaNamed, op));
          expect(a.ok).toBe(b.ok);
          if (a.ok && b.ok) {
            expect(a.stream).toEqual(b.stream);
            viaReducer = deepFreeze(a.stream);
            viaNamed = deepFreeze(b.stream);
          } else if (!a.ok && !b.ok) {
            expect(a.error).toBe(b.error);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("property: a malformed operation throws InvalidError and changes nothing", () => {
    const malformed = fc.oneof(
      fc.anything().filter((v) => OperationSchema.safeParse(v).success === false),
      arbOp.chain((op) =>
        fc.constantFrom<Record<string, unknown>>(
          { ...op, type: "explode" },
          { ...op, type: 42 },
          op.type === "rollback" ? { ...op, revision: -1 } : { ...op, type: "rollback" },
          op.type === "tag"
            ? { ...op, destinations: "python:latest" }
            : { ...op, type: "tag", destinations: [1] },
          op.type === "import" ? { ...op, result: "nope" } : { ...op, type: "import" },
        ),
      ),
    );
    const stream = start();
    const before = snapshot(stream);
    fc.assert(
      fc.property(malformed, (op) => {
        expect(() => applyOperation(stream, op, opts)).toThrow(InvalidError);
        expect(snapshot(stream)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("InvalidError names the operation kind and the offending field", () => {
    try {
      applyOperation(start(), { type: "rollback", tag: "latest", revision: "x" }, opts);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidError);
      const err = e as InvalidError;
      expect(err.message).toMatch(/^Operation\.image\.openshift\.io "rollback" is invalid: revision: /);
      expect(err.fieldErrors[0]?.field).toBe("revision");
    }
    try {
      applyOperation(start(), { type: "rollback", revision: 1 }, opts);
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidError).fieldErrors[0]).toMatchObject({ type: "FieldValueRequired", field: "tag" });
    }
    try {
      applyOperation(
        start(),
        {
          type: "mapping",
          mapping: {
            metadata: { name: "x" },
            tag: "t",
            image: { metadata: {}, dockerImageLayers: [{ name: 1 }] },
          },
        },
        opts,
      );
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidError).fieldErrors[0]?.field).toMatch(
        /^mapping\.image\.dockerImageLayers\[0\]\.name$/,
      );
    }
  });

  it("operations that need a stream reject undefined with InvalidError; tag and import may create it", () => {
    expect(() => applyOperation(undefined, { type: "prune" }, opts)).toThrow(InvalidError);
    const created = applyOperation(
      undefined,
      { type: "tag", source: "docker.io/python:3.6.0", destinations: ["python:3.6"], namespace: "default" },
      opts,
    );
    expect(created.metadata).toMatchObject({ name: "python", namespace: "default", generation: 1 });
  });

  it("seed 003 as an event log", () => {
    const log = [
      { type: "tag", source: "python:3.5", destinations: ["python:latest"], alias: true },
      { type: "tag", source: "docker.io/python:3.6.0", destinations: ["python:3.6"], scheduled: true },
      { type: "untag", destinations: ["python:3.5"] },
    ];
    const end = log.reduce<ImageStream>((s, op) => applyOperation(s, op, opts), start());
    expect(end.spec?.tags?.map((t) => t.name)).toEqual(["3.6", "latest"]);
    expect(end.spec?.tags?.[0]?.importPolicy?.scheduled).toBe(true);
  });
});
