import { describe, expect, it } from "vitest";
import { rollbackTag, tag, tagInCatalog, untag } from "../../src/client/tag.js";
import { BadRequestError, NotFoundError } from "../../src/errors.js";
import type { Image, ImageStream } from "../../src/model/index.js";
import { createCatalog } from "../../src/server/catalog.js";
import { createImageStream } from "../../src/server/image-stream.js";
import { applyImportResult, needsScheduledImport, planImport } from "../../src/server/imports.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

// Seed 003 prints shortened digests; real sha256 digests have 64 hex digits, so the seed's
// prefixes are padded (a short ID is not a valid digest and MostSpecific would keep it as a tag).
const D35 = `sha256:${"49c18358df82f4577386404991c51a9559f243e0b1bdc366df25".padEnd(64, "0")}`;
const D36 = `sha256:${"438208801c4806548460b27bd1fbcb7bb188273d13871ab43f".padEnd(64, "0")}`;
const T0 = "2017-10-02T17:05:11Z";
const T1 = "2017-10-02T17:10:00Z";
const T2 = "2017-10-02T17:20:00Z";
const HOST = "docker-registry.default.svc:5000";

const image = (name: string, ref: string): Image =>
  ({ metadata: { name }, dockerImageReference: ref }) as Image;

/** The `python` stream of seed 003: tag 3.5 imported from centos/python-35-centos7. */
function seedPython(): ImageStream {
  const created = createImageStream(
    {
      metadata: { name: "python", namespace: "default" },
      spec: { tags: [{ name: "3.5", from: { kind: "DockerImage", name: "centos/python-35-centos7" } }] },
    },
    { now: T0, internalRegistryHostname: HOST },
  );
  const imported = applyImportResult(
    created,
    {
      metadata: { name: "python", namespace: "default" },
      spec: {
        import: true,
        images: [{ from: { kind: "DockerImage", name: "centos/python-35-centos7" }, to: { name: "3.5" } }],
      },
      status: {
        images: [{ status: { status: "Success" }, image: image(D35, "centos/python-35-centos7:latest") }],
      },
    },
    { now: T0, internalRegistryHostname: HOST },
  ).stream;
  return deepFreeze(imported);
}

const opts = { now: T1, internalRegistryHostname: HOST };
const req = (source: string | undefined, destinations: string[], extra: object = {}) => ({
  ...(source === undefined ? {} : { source }),
  destinations,
  namespace: "default",
  ...extra,
});
const top = (s: ImageStream, t: string) => s.status?.tags?.find((l) => l.tag === t)?.items[0];
const spec = (s: ImageStream, t: string) => s.spec?.tags?.find((l) => l.name === t);

describe("seed 003 — oc tag flows on the python stream (R15.5, R15.11, R15.13)", () => {
  it("seed 003 base stream: 3.5 points at the centos image", () => {
    const s = seedPython();
    expect(top(s, "3.5")).toMatchObject({
      image: D35,
      dockerImageReference: `centos/python-35-centos7@${D35}`,
    });
  });

  it("R15.11 oc tag python:3.5 python:latest → Tag python:latest set to python@sha256:…", () => {
    const before = seedPython();
    const copy = snapshot(before);
    const { stream, message } = tag(before, req("python:3.5", ["python:latest"]), opts);
    expect(message).toBe(`Tag python:latest set to python@${D35}.`);
    expect(spec(stream, "latest")?.from).toEqual({ kind: "ImageStreamImage", name: `python@${D35}` });
    expect(top(stream, "latest")).toMatchObject({
      image: D35,
      dockerImageReference: `centos/python-35-centos7@${D35}`,
    });
    expect(snapshot(before)).toEqual(copy);
  });

  it("R15.11 oc tag docker.io/python:3.6.0 python:3.6 → Tag python:3.6 set to docker.io/python:3.6.0.", () => {
    const { stream, message } = tag(seedPython(), req("docker.io/python:3.6.0", ["python:3.6"]), opts);
    expect(message).toBe("Tag python:3.6 set to docker.io/python:3.6.0.");
    const t = spec(stream, "3.6");
    expect(t?.from).toEqual({ kind: "DockerImage", name: "docker.io/python:3.6.0" });
    expect(t?.generation).toBe(stream.metadata?.generation);
    expect(top(stream, "3.6")).toBeUndefined();
    expect(planImport(stream)?.spec?.images?.map((i) => i.to?.name)).toEqual(["3.6"]);
  });

  it("R15.11 --scheduled → Tag python:3.6 set to import docker.io/python:3.6.0 periodically.", () => {
    const { stream, message } = tag(
      seedPython(),
      req("docker.io/python:3.6.0", ["python:3.6"], { scheduled: true }),
      opts,
    );
    expect(message).toBe("Tag python:3.6 set to import docker.io/python:3.6.0 periodically.");
    expect(spec(stream, "3.6")?.importPolicy).toMatchObject({
      scheduled: true,
      insecure: false,
      importMode: "Legacy",
    });
    expect(needsScheduledImport(stream)).toBe(true);
  });

  it("seed 003 oc tag python:3.6 python:latest moves latest to the 3.6 image", () => {
    let s = tag(seedPython(), req("python:3.5", ["python:latest"]), opts).stream;
    s = tag(s, req("docker.io/python:3.6.0", ["python:3.6"]), opts).stream;
    s = applyImportResult(
      s,
      {
        metadata: { name: "python", namespace: "default" },
        spec: {
          import: true,
          images: [{ from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, to: { name: "3.6" } }],
        },
        status: { images: [{ status: { status: "Success" }, image: image(D36, "docker.io/python:3.6.0") }] },
      },
      opts,
    ).stream;
    expect(top(s, "3.6")).toMatchObject({ image: D36, dockerImageReference: `docker.io/python@${D36}` });
    const moved = tag(deepFreeze(s), req("python:3.6", ["python:latest"]), { ...opts, now: T2 });
    expect(moved.message).toBe(`Tag python:latest set to python@${D36}.`);
    const history = moved.stream.status?.tags?.find((l) => l.tag === "latest")?.items ?? [];
    expect(history.map((e) => e.image)).toEqual([D36, D35]);
    expect(history[0]).toMatchObject({ dockerImageReference: `docker.io/python@${D36}`, created: T2 });

    // rollback: point latest back at history item 1 (the 3.5 image)
    const back = rollbackTag(
      moved.stream,
      { tag: "latest", revision: 1 },
      { ...opts, now: "2017-10-02T17:30:00Z" },
    );
    expect(back.message).toBe(`Tag python:latest set to python@${D35}.`);
    expect(back.stream.status?.tags?.find((l) => l.tag === "latest")?.items.map((e) => e.image)).toEqual([
      D35,
      D36,
      D35,
    ]);
  });

  it("R15.8 oc tag -d python:3.5 → Deleted tag default/python:3.5. (spec and history removed)", () => {
    const { stream, message } = untag(seedPython(), req(undefined, ["python:3.5"]), opts);
    expect(message).toBe("Deleted tag default/python:3.5.");
    expect(spec(stream, "3.5")).toBeUndefined();
    expect(stream.status?.tags?.find((l) => l.tag === "3.5")).toBeUndefined();
    const viaTag = tag(seedPython(), req(undefined, ["python:3.5"], { delete: true }), opts);
    expect(viaTag.message).toBe("Deleted tag default/python:3.5.");
    expect(() => untag(stream, req(undefined, ["python:3.5"]), opts)).toThrow(NotFoundError);
    expect(() => untag(undefined as never, req(undefined, ["python:3.5"]), opts)).toThrow(NotFoundError);
  });
});

describe("tag — write path (R13.5, R15.12–R15.14)", () => {
  it("R15.14 re-tagging clears the spec tag's annotations (§18.8)", () => {
    const base = createImageStream(
      {
        metadata: { name: "ruby", namespace: "default" },
        spec: {
          tags: [
            {
              name: "2",
              annotations: { description: "Ruby 2" },
              from: { kind: "DockerImage", name: "ruby:2" },
              reference: true,
            },
          ],
        },
      },
      opts,
    );
    const { stream } = tag(
      deepFreeze(base),
      req("docker.io/ruby:2.1", ["ruby:2"], { reference: true }),
      opts,
    );
    const annotations = spec(stream, "2")?.annotations;
    expect(annotations === null || annotations === undefined || Object.keys(annotations).length === 0).toBe(
      true,
    );
  });

  it("R15.13 --reference DockerImage tags get an immediate event without image", () => {
    const { stream } = tag(seedPython(), req("quay.io/a/b:1", ["python:ref"], { reference: true }), opts);
    expect(top(stream, "ref")).toMatchObject({ dockerImageReference: "quay.io/a/b:1", image: "" });
  });

  it("R15.13 --alias tracks the source tag in the same stream", () => {
    const { stream, message } = tag(
      seedPython(),
      req("python:3.5", ["python:latest"], { alias: true }),
      opts,
    );
    expect(message).toBe("Tag python:latest set up to track python:3.5.");
    expect(spec(stream, "latest")?.from).toEqual({ kind: "ImageStreamTag", name: "python:3.5" });
    expect(top(stream, "latest")?.image).toBe(D35);
  });

  it("R13.5 tagging into a missing stream creates it", () => {
    const { stream } = tag(undefined, req("docker.io/python:3.6.0", ["python:3.6"]), opts);
    expect(stream.metadata).toMatchObject({ name: "python", namespace: "default", generation: 1 });
  });

  it("without request.namespace the current project is the stream's namespace", () => {
    const { message } = tag(
      seedPython(),
      { source: "python:3.5", destinations: ["python:latest"] } as never,
      opts,
    );
    expect(message).toBe(`Tag python:latest set to python@${D35}.`);
    expect(untag(seedPython(), { destinations: ["python:3.5"] } as never, opts).message).toBe(
      "Deleted tag default/python:3.5.",
    );
  });

  it("destinations must name the given stream", () => {
    expect(() => tag(seedPython(), req("docker.io/python:3.6.0", ["other:3.6"]), opts)).toThrow(
      BadRequestError,
    );
    expect(() => tag(seedPython(), req("docker.io/python:3.6.0", ["ns2/python:3.6"]), opts)).toThrow(
      BadRequestError,
    );
  });

  it("R15.5 an ImageStreamTag source in another stream is resolved through opts.getImageStream", () => {
    const py = seedPython();
    const other = createImageStream({ metadata: { name: "app", namespace: "default" } }, opts);
    const { stream, message } = tag(other, req("python:3.5", ["app:base"]), {
      ...opts,
      getImageStream: (ns, n) => (ns === "default" && n === "python" ? py : undefined),
    });
    expect(message).toBe(`Tag app:base set to python@${D35}.`);
    expect(top(stream, "base")?.image).toBe(D35);
  });

  it("rollbackTag errors: unknown tag, bad revision; reference events roll back as DockerImage", () => {
    const s = seedPython();
    expect(() => rollbackTag(s, { tag: "nope", revision: 0 }, opts)).toThrow(NotFoundError);
    expect(() => rollbackTag(s, { tag: "3.5", revision: 1 }, opts)).toThrow(
      "revision 1 does not exist in the history of python:3.5 (1 items)",
    );
    expect(() => rollbackTag(s, { tag: "3.5", revision: -1 }, opts)).toThrow(BadRequestError);
    expect(() => rollbackTag(s, { tag: "3.5", revision: "1" as never }, opts)).toThrow(
      "revision string does not exist",
    );
    expect(() => rollbackTag(s, { tag: null as never, revision: 0 }, opts)).toThrow("a tag name is required");
    // R7.2: re-tagging a reference tag collapses (same empty image), so history stays one item
    const withRef = tag(s, req("quay.io/a/b:1", ["python:ref"], { reference: true }), opts).stream;
    const moved = tag(withRef, req("quay.io/a/b:2", ["python:ref"], { reference: true }), opts).stream;
    expect(
      moved.status?.tags?.find((l) => l.tag === "ref")?.items.map((e) => e.dockerImageReference),
    ).toEqual(["quay.io/a/b:2"]);
    const twoItems = deepFreeze({
      ...moved,
      status: {
        ...moved.status,
        tags: (moved.status?.tags ?? []).map((l) =>
          l.tag === "ref"
            ? {
                ...l,
                items: [
                  { created: T1, dockerImageReference: `quay.io/a/b@${D36}`, image: D36, generation: 5 },
                  ...l.items,
                ],
              }
            : l,
        ),
      },
    }) as ImageStream;
    const back = rollbackTag(twoItems, { tag: "ref", revision: 1 }, opts);
    expect(back.message).toBe("Tag python:ref set to quay.io/a/b:2.");
    expect(spec(back.stream, "ref")?.from).toEqual({ kind: "DockerImage", name: "quay.io/a/b:2" });
    expect(spec(back.stream, "ref")?.reference).toBe(true);
    // R6.2.2: the same `from` with generation 0 is not a tag change for §8, so no new event is pushed
    expect(top(back.stream, "ref")?.image).toBe(D36);
  });
});

describe("tagInCatalog — several streams and namespaces", () => {
  it("R15.11 one source, destinations in two namespaces, messages per destination", () => {
    const catalog = createCatalog({ imageStreams: [seedPython()] });
    const { catalog: next, messages } = tagInCatalog(
      catalog,
      req("python:3.5", ["python:latest", "ns2/python:3.5", "app:base"]),
      opts,
    );
    expect(messages).toEqual([
      `Tag python:latest set to python@${D35}.`,
      `Tag ns2/python:3.5 set to python@${D35}.`,
      `Tag app:base set to python@${D35}.`,
    ]);
    const ns2 = next.getImageStream("ns2", "python") as ImageStream;
    expect(spec(ns2, "3.5")?.from).toEqual({
      kind: "ImageStreamImage",
      name: `python@${D35}`,
      namespace: "default",
    });
    expect(top(ns2, "3.5")?.image).toBe(D35);
    expect(top(next.getImageStream("default", "app") as ImageStream, "base")?.image).toBe(D35);
    expect(catalog.getImageStream("ns2", "python")).toBeUndefined();
  });

  it("R15.8 deletes across streams; a missing stream is NotFound", () => {
    const catalog = createCatalog({ imageStreams: [seedPython()] });
    const { catalog: next, messages } = tagInCatalog(
      catalog,
      req(undefined, ["python:3.5"], { delete: true }),
      opts,
    );
    expect(messages).toEqual(["Deleted tag default/python:3.5."]);
    expect(spec(next.getImageStream("default", "python") as ImageStream, "3.5")).toBeUndefined();
    expect(() => tagInCatalog(catalog, req(undefined, ["ns9/x:1"], { delete: true }), opts)).toThrow(
      NotFoundError,
    );
  });
});
