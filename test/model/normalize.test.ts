import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  compareTagNames,
  type ImageStream,
  type ImageStreamImport,
  normalizeImageStream,
  normalizeImageStreamImport,
  normalizeTagReference,
  parseImageStream,
  type TagEvent,
  type TagReference,
} from "../../src/model/index.js";
import { arbImageStream } from "../support/arbitraries.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

const DIGEST = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
const DEFAULTS = { importPolicy: { importMode: "Legacy" }, referencePolicy: { type: "Source" } } as const;

function event(generation: number): TagEvent {
  return {
    created: "2016-01-29T13:40:11Z",
    dockerImageReference: `172.30.56.218:5000/test/origin-ruby-sample@${DIGEST}`,
    image: DIGEST,
    generation,
  };
}

function full(name: string, extra: Partial<TagReference> = {}): TagReference {
  return { name, ...DEFAULTS, ...extra };
}

describe("normalizeImageStream (R1.11)", () => {
  it("R1.11.1 spec and status tags are sorted by name byte-wise, not by locale", () => {
    const stream = deepFreeze<ImageStream>({
      spec: { tags: ["latest", "B", "10", "9", "a", "Z"].map((n) => full(n)) },
      status: { tags: ["b", "A", "_"].map((tag) => ({ tag, items: [event(1)] })) },
    });
    const out = normalizeImageStream(stream);
    expect(out.spec?.tags?.map((t) => t.name)).toEqual(["10", "9", "B", "Z", "a", "latest"]);
    expect(out.status?.tags?.map((t) => t.tag)).toEqual(["A", "_", "b"]);
  });

  it("R1.11.1 characters above U+FFFF sort after U+FFFD, as in UTF-8", () => {
    const names = ["\u{1F600}", "\uFFFD", "z"];
    const out = normalizeImageStream({ spec: { tags: names.map((n) => full(n)) } });
    expect(out.spec?.tags?.map((t) => t.name)).toEqual(["z", "\uFFFD", "\u{1F600}"]);
    expect(compareTagNames("\u{1F600}", "\uFFFD")).toBe(1);
    expect(compareTagNames("\uFFFD", "\u{1F600}")).toBe(-1);
    expect(compareTagNames("a", "ab")).toBe(-1);
    expect(compareTagNames("ab", "a")).toBe(1);
    expect(compareTagNames("ab", "ab")).toBe(0);
  });

  it("R1.11.2 duplicate spec tags and status lists: the last one wins", () => {
    const stream = deepFreeze<ImageStream>({
      spec: {
        tags: [
          full("a", { from: { kind: "DockerImage", name: "first" } }),
          full("b"),
          full("a", { from: { kind: "DockerImage", name: "second" } }),
        ],
      },
      status: {
        tags: [
          { tag: "x", items: [event(1)] },
          { tag: "x", items: [event(2)] },
        ],
      },
    });
    const out = normalizeImageStream(stream);
    expect(out.spec?.tags?.map((t) => [t.name, t.from?.name])).toEqual([
      ["a", "second"],
      ["b", undefined],
    ]);
    expect(out.status?.tags).toEqual([{ tag: "x", items: [event(2)] }]);
  });

  it("R1.11.3 a spec tag's name is its key; the tag objects are shared when already defaulted", () => {
    const a = full("a");
    const b = full("b");
    const stream = deepFreeze<ImageStream>({ spec: { tags: [b, a] } });
    const out = normalizeImageStream(stream);
    expect(out.spec?.tags?.[0]).toBe(a);
    expect(out.spec?.tags?.[1]).toBe(b);
  });

  it("R1.11.4 tag and ID are stripped from spec and status dockerImageRepository", () => {
    const stream = deepFreeze<ImageStream>({
      spec: { dockerImageRepository: `docker.io/library/ruby:2@${DIGEST}` },
      status: { dockerImageRepository: "172.30.56.218:5000/test/origin-ruby-sample:latest" },
    });
    const out = normalizeImageStream(stream);
    expect(out.spec?.dockerImageRepository).toBe("docker.io/library/ruby");
    expect(out.status?.dockerImageRepository).toBe("172.30.56.218:5000/test/origin-ruby-sample");
    const byId = normalizeImageStream({ spec: { dockerImageRepository: `ruby@${DIGEST}` } });
    expect(byId.spec?.dockerImageRepository).toBe("ruby");
  });

  it("R1.11.4 a repository without tag/ID, or one that does not parse, is kept as is", () => {
    for (const repo of ["localhost:5000/foo", "Foo:Bar", "", "a@b"]) {
      const stream = deepFreeze<ImageStream>({
        spec: { dockerImageRepository: repo },
        status: { dockerImageRepository: repo },
      });
      expect(normalizeImageStream(stream)).toBe(stream);
    }
  });

  it("R1.11.5 referencePolicy.type defaults to Source and importMode to Legacy", () => {
    const stream = deepFreeze<ImageStream>({
      spec: {
        tags: [
          { name: "a" },
          { name: "b", importPolicy: { scheduled: true, importMode: "" }, referencePolicy: { type: "" } },
          { name: "c", importPolicy: { importMode: "PreserveOriginal" }, referencePolicy: { type: "Local" } },
        ],
      },
    });
    const before = snapshot(stream);
    const out = normalizeImageStream(stream);
    expect(out.spec?.tags).toEqual([
      { name: "a", importPolicy: { importMode: "Legacy" }, referencePolicy: { type: "Source" } },
      {
        name: "b",
        importPolicy: { scheduled: true, importMode: "Legacy" },
        referencePolicy: { type: "Source" },
      },
      { name: "c", importPolicy: { importMode: "PreserveOriginal" }, referencePolicy: { type: "Local" } },
    ]);
    expect(out.spec?.tags?.[2]).toBe(stream.spec?.tags?.[2]);
    expect(stream).toEqual(before);
  });

  it("R1.3.4 importMode defaults to opts.defaultImportMode when given", () => {
    const out = normalizeImageStream(
      { spec: { tags: [{ name: "a" }] } },
      { defaultImportMode: "PreserveOriginal" },
    );
    expect(out.spec?.tags?.[0]?.importPolicy).toEqual({ importMode: "PreserveOriginal" });
    expect(normalizeTagReference({ name: "x" }, { defaultImportMode: "PreserveOriginal" })).toEqual({
      name: "x",
      importPolicy: { importMode: "PreserveOriginal" },
      referencePolicy: { type: "Source" },
    });
  });

  it("R1.11 only the changed part is copied: status shared when only spec changes", () => {
    const stream = deepFreeze<ImageStream>({
      metadata: { name: "x" },
      spec: { tags: [{ name: "a" }] },
      status: { dockerImageRepository: "", tags: [{ tag: "a", items: [event(1)] }] },
    });
    const out = normalizeImageStream(stream);
    expect(out).not.toBe(stream);
    expect(out.status).toBe(stream.status);
    expect(out.metadata).toBe(stream.metadata);
    const onlyStatus = deepFreeze<ImageStream>({
      spec: { tags: [full("a")] },
      status: {
        tags: [
          { tag: "b", items: [] },
          { tag: "a", items: [] },
        ],
      },
    });
    const out2 = normalizeImageStream(onlyStatus);
    expect(out2.spec).toBe(onlyStatus.spec);
    expect(out2.status?.tags?.map((t) => t.tag)).toEqual(["a", "b"]);
  });

  it("R1.11 a stream without spec or status, or already normalized, is returned as the same object", () => {
    const empty = deepFreeze<ImageStream>({ metadata: { name: "x" } });
    expect(normalizeImageStream(empty)).toBe(empty);
    const emptyLists = deepFreeze<ImageStream>({ spec: {}, status: { dockerImageRepository: "" } });
    expect(normalizeImageStream(emptyLists)).toBe(emptyLists);
  });

  fcTest.prop([arbImageStream({ unknownFields: true })], { numRuns: 100 })(
    "R1.11.1 normalization is idempotent, sorts, defaults, keeps unknown fields and never mutates",
    (generated) => {
      const stream = deepFreeze(generated);
      const before = snapshot(stream);
      const once = normalizeImageStream(stream);
      expect(normalizeImageStream(once)).toBe(once);
      expect(stream).toEqual(before);
      const names = once.spec?.tags?.map((t) => t.name) ?? [];
      expect(names).toEqual([...names].sort(compareTagNames));
      const statusNames = once.status?.tags?.map((t) => t.tag) ?? [];
      expect(statusNames).toEqual([...statusNames].sort(compareTagNames));
      for (const t of once.spec?.tags ?? []) {
        expect(t.referencePolicy?.type).toMatch(/^(Source|Local)$/);
        expect(t.importPolicy?.importMode).toMatch(/^(Legacy|PreserveOriginal)$/);
        expect(Reflect.get(t, "futureTagField")).toBe(Reflect.get(t, "futureTagField"));
      }
      expect(Reflect.get(once, "x-unknown")).toBe(Reflect.get(stream, "x-unknown"));
      // still a valid stream
      expect(parseImageStream(JSON.parse(JSON.stringify(once)))).toBeTruthy();
    },
  );

  fcTest.prop([fc.array(fc.string({ maxLength: 4 }), { maxLength: 8 })], { numRuns: 100 })(
    "R1.11.2 the normalized spec holds exactly the distinct names, each with its last entry",
    (names) => {
      const tags = names.map((name, i) => ({ name, generation: i }));
      const out = normalizeImageStream({ spec: { tags } });
      const expected = new Map(tags.map((t) => [t.name, t.generation]));
      expect(out.spec?.tags?.length ?? 0).toBe(expected.size);
      for (const t of out.spec?.tags ?? []) expect(t.generation).toBe(expected.get(t.name));
    },
  );
});

describe("normalizeImageStreamImport (R1.11.6)", () => {
  it("R1.11.6 to.name defaults to the tag of from.name when to is absent", () => {
    const isi = deepFreeze<ImageStreamImport>({
      spec: {
        import: true,
        images: [
          { from: { kind: "DockerImage", name: "docker.io/python:3.6" } },
          { from: { kind: "DockerImage", name: `python:3.5@${DIGEST}` } },
          { from: { kind: "DockerImage", name: `python@${DIGEST}` } },
          { from: { kind: "DockerImage", name: "python:3.6" }, to: { name: "other" } },
          { from: { kind: "DockerImage", name: "*" } },
          { from: { kind: "DockerImage" } },
        ],
      },
    });
    const out = normalizeImageStreamImport(isi);
    expect(out.spec?.images?.map((i) => i.to)).toEqual([
      { name: "3.6" },
      { name: "3.5" },
      undefined,
      { name: "other" },
      undefined,
      undefined,
    ]);
    for (const i of out.spec?.images ?? []) {
      expect(i.importPolicy).toEqual({ importMode: "Legacy" });
      expect(i.referencePolicy).toEqual({ type: "Source" });
    }
  });

  it("R1.3.4 repository and images policies default to the given import mode; status.import is normalized", () => {
    const isi = deepFreeze<ImageStreamImport>({
      spec: { import: false, repository: { from: { kind: "DockerImage", name: "python" } } },
      status: { import: { spec: { tags: [{ name: "b" }, { name: "a" }] } } },
    });
    const out = normalizeImageStreamImport(isi, { defaultImportMode: "PreserveOriginal" });
    expect(out.spec?.repository?.importPolicy).toEqual({ importMode: "PreserveOriginal" });
    expect(out.spec?.repository?.referencePolicy).toEqual({ type: "Source" });
    expect(out.status?.import?.spec?.tags?.map((t) => [t.name, t.importPolicy?.importMode])).toEqual([
      ["a", "PreserveOriginal"],
      ["b", "PreserveOriginal"],
    ]);
  });

  it("R1.11.6 an already defaulted import is returned as the same object", () => {
    const isi = deepFreeze<ImageStreamImport>({
      metadata: { name: "x" },
      spec: {
        import: true,
        images: [{ from: { kind: "DockerImage", name: "python:3.6" }, to: { name: "3.6" }, ...DEFAULTS }],
        repository: { from: { kind: "DockerImage", name: "python" }, ...DEFAULTS },
      },
      status: { import: { spec: { tags: [full("a")] } } },
    });
    expect(normalizeImageStreamImport(isi)).toBe(isi);
    const bare = deepFreeze<ImageStreamImport>({ metadata: { name: "x" } });
    expect(normalizeImageStreamImport(bare)).toBe(bare);
    const onlyImages = deepFreeze<ImageStreamImport>({ spec: { images: [{ from: { name: "a:b" } }] } });
    const out = normalizeImageStreamImport(onlyImages);
    expect(out.spec?.images?.[0]?.to).toEqual({ name: "b" });
    expect(out.spec?.repository).toBeUndefined();
    expect("repository" in (out.spec ?? {})).toBe(false);
  });
});

describe("R1.11 null tag lists", () => {
  it("R1.11 a null spec.tags or status.tags is read as absent (Go nil list), not a crash", () => {
    const stream = deepFreeze({
      metadata: { name: "a", namespace: "ns" },
      spec: { tags: null },
      status: { dockerImageRepository: "", tags: null },
    }) as unknown as ImageStream;
    const out = normalizeImageStream(stream);
    expect(out.spec).toEqual({});
    expect(out.status).toEqual({ dockerImageRepository: "" });
    expect(normalizeImageStream(out)).toBe(out);
  });
});
