import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../../src/errors.js";
import type { ImageStream, TagReference } from "../../src/model/index.js";
import {
  resolveImageId,
  resolveReferenceForTagEvent,
  statusRepositories,
  tagRefChanged,
  withStatusRepositories,
} from "../../src/server/index.js";
import { deepFreeze } from "../support/freeze.js";
import { digest, ev, stream } from "./helpers.js";

const A = digest("a");
const B = digest("b");
const ref = (extra: Record<string, unknown>): TagReference => ({ name: "t", ...extra }) as TagReference;

describe("R6.4 tagRefChanged", () => {
  const base = ref({ from: { kind: "DockerImage", name: "ruby:2" }, generation: 3 });
  it("R6.4.1 false when next.from is nil or has neither kind nor name", () => {
    expect(tagRefChanged(base, ref({}), "ns")).toBe(false);
    expect(tagRefChanged(base, ref({ from: {} }), "ns")).toBe(false);
    expect(tagRefChanged(undefined, undefined, "ns")).toBe(false);
  });
  it("R6.4.2 old from nil counts as an empty reference", () => {
    expect(tagRefChanged(ref({}), base, "ns")).toBe(true);
    expect(tagRefChanged(undefined, ref({ from: { kind: "DockerImage", name: "" } }), "ns")).toBe(false);
  });
  it("R6.4.2 namespaces: empty means the stream's namespace", () => {
    const a = ref({ from: { kind: "ImageStreamTag", name: "x:1" } });
    const b = ref({ from: { kind: "ImageStreamTag", name: "x:1", namespace: "ns" } });
    const c = ref({ from: { kind: "ImageStreamTag", name: "x:1", namespace: "other" } });
    expect(tagRefChanged(a, b, "ns")).toBe(false);
    expect(tagRefChanged(a, c, "ns")).toBe(true);
  });
  it("R6.4.2 name, reference and importMode differences are changes", () => {
    expect(tagRefChanged(base, { ...base, from: { kind: "DockerImage", name: "ruby:3" } }, "ns")).toBe(true);
    expect(tagRefChanged(base, { ...base, reference: true }, "ns")).toBe(true);
    expect(tagRefChanged(base, { ...base, importPolicy: { importMode: "PreserveOriginal" } }, "ns")).toBe(
      true,
    );
  });
  it("R6.4.2 generation: only both set, different, and the new one 0", () => {
    expect(tagRefChanged(base, { ...base, generation: 0 }, "ns")).toBe(true);
    expect(tagRefChanged(base, { ...base, generation: 5 }, "ns")).toBe(false);
    expect(tagRefChanged({ ...base, generation: null }, { ...base, generation: 0 }, "ns")).toBe(false);
    expect(tagRefChanged({ ...base, generation: 0 }, { ...base, generation: 0 }, "ns")).toBe(false);
  });
  it("R6.4.3 quirk §18.1: kind, scheduled, insecure, referencePolicy and annotations are not changes", () => {
    expect(tagRefChanged(base, { ...base, from: { kind: "ImageStreamTag", name: "ruby:2" } }, "ns")).toBe(
      false,
    );
    expect(tagRefChanged(base, { ...base, importPolicy: { scheduled: true, insecure: true } }, "ns")).toBe(
      false,
    );
    expect(
      tagRefChanged(base, { ...base, referencePolicy: { type: "Local" }, annotations: { a: "b" } }, "ns"),
    ).toBe(false);
  });
});

describe("R12.6 resolveImageId", () => {
  const s = deepFreeze(
    stream("ruby", "ns", {
      status: [
        { tag: "a", items: [ev(`r/ns/ruby@${A}`, A, 1)] },
        { tag: "b", items: [ev(`r/ns/ruby@${B}`, B, 2), ev(`other/ns/ruby@${A}`, A, 1)] },
      ],
    }),
  );
  it("one match (full name, sha256 prefix, bare hex prefix) → event with created now and generation 0", () => {
    const e = resolveImageId(s, A, { now: "2024-01-01T00:00:00Z" });
    expect(e).toEqual({
      created: "2024-01-01T00:00:00Z",
      dockerImageReference: `r/ns/ruby@${A}`,
      image: A,
      generation: 0,
    });
    expect(resolveImageId(s, B.slice(0, 12)).image).toBe(B);
    expect(resolveImageId(s, B.slice(7, 14)).image).toBe(B);
  });
  it("the same image twice in one tag: the oldest item gives the reference (upstream keeps its last match)", () => {
    const twice = deepFreeze(
      stream("ruby", "ns", {
        status: [
          {
            tag: "b",
            items: [ev(`new/ns/ruby@${A}`, A, 3), ev(`r/ns/ruby@${B}`, B, 2), ev(`old/ns/ruby@${A}`, A, 1)],
          },
          { tag: "c", items: [ev(`later-tag/ns/ruby@${A}`, A, 1)] },
        ],
      }),
    );
    // Tag "b" comes first by name; within it the oldest matching item wins.
    expect(resolveImageId(twice, A).dockerImageReference).toBe(`old/ns/ruby@${A}`);
  });
  it("none → NotFound imagestreamimage", () => {
    expect(() => resolveImageId(s, "sha256:ffff")).toThrow(NotFoundError);
    expect(() => resolveImageId(s, "sha256:ffff")).toThrow(
      'imagestreamimage.image.openshift.io "sha256:ffff" not found',
    );
  });
  it("several → Conflict with the sorted list", () => {
    let err: ConflictError | undefined;
    try {
      resolveImageId(s, "sha256:6");
    } catch (e) {
      err = e as ConflictError;
    }
    expect(err).toBeInstanceOf(ConflictError);
    expect(err?.detail).toBe(`multiple images match the prefix "sha256:6": ${A}, ${B}`);
  });
});

describe("R12.3 resolveReferenceForTagEvent", () => {
  const event = ev(`quay.io/x/ruby@${A}`, A, 1);
  const withPolicy = (type: string, repo = "172.30.1.1:5000/ns/ruby"): ImageStream =>
    ({
      metadata: { name: "ruby", namespace: "ns" },
      spec: { tags: [{ name: "latest", referencePolicy: { type } }] },
      status: { dockerImageRepository: repo },
    }) as ImageStream;
  it("Local → <status.dockerImageRepository>@<image>", () => {
    expect(resolveReferenceForTagEvent(withPolicy("Local"), "latest", event)).toBe(
      `172.30.1.1:5000/ns/ruby@${A}`,
    );
    expect(
      resolveReferenceForTagEvent(
        withPolicy("Local"),
        { name: "x", referencePolicy: { type: "Local" } },
        event,
      ),
    ).toBe(`172.30.1.1:5000/ns/ruby@${A}`);
  });
  it("Local falls back to the event reference: empty repo, no image, unparseable repo", () => {
    expect(resolveReferenceForTagEvent(withPolicy("Local", ""), "latest", event)).toBe(
      event.dockerImageReference,
    );
    expect(resolveReferenceForTagEvent(withPolicy("Local"), "latest", { ...event, image: "" })).toBe(
      event.dockerImageReference,
    );
    expect(resolveReferenceForTagEvent(withPolicy("Local", "Bad Repo!"), "latest", event)).toBe(
      event.dockerImageReference,
    );
  });
  it("Source, other policies and missing spec tags → the event reference", () => {
    expect(resolveReferenceForTagEvent(withPolicy("Source"), "latest", event)).toBe(
      event.dockerImageReference,
    );
    expect(resolveReferenceForTagEvent(withPolicy("Local"), "other", event)).toBe(event.dockerImageReference);
  });
});

describe("R5 statusRepositories / withStatusRepositories", () => {
  const s = deepFreeze({ metadata: { name: "ruby" }, status: { dockerImageRepository: "x" } } as ImageStream);
  it("R5.1 empty namespace defaults to 'default' on update/read, not on create", () => {
    expect(statusRepositories(s, { internalRegistryHostname: "h:5000" }).dockerImageRepository).toBe(
      "h:5000/default/ruby",
    );
    expect(
      statusRepositories(s, { internalRegistryHostname: "h:5000", namespaceDefaulting: false })
        .dockerImageRepository,
    ).toBe("h:5000/ruby");
    expect(
      statusRepositories(s, { internalRegistryHostname: "docker.io", namespaceDefaulting: false })
        .dockerImageRepository,
    ).toBe("docker.io/library/ruby");
  });
  it("R5.2 public repository only with an external hostname; same object back when unchanged", () => {
    const next = withStatusRepositories(s, {
      internalRegistryHostname: "h",
      externalRegistryHostname: "pub",
    });
    expect(next.status).toEqual({
      dockerImageRepository: "h/default/ruby",
      publicDockerImageRepository: "pub/ruby",
    });
    expect(
      withStatusRepositories(next, { internalRegistryHostname: "h", externalRegistryHostname: "pub" }),
    ).toBe(next);
    // a hostname given as "" is a server without that registry; one left out keeps the stored value
    const dropped = withStatusRepositories(next, {
      internalRegistryHostname: "h",
      externalRegistryHostname: "",
    });
    expect(dropped.status).toEqual({ dockerImageRepository: "h/default/ruby" });
    expect(withStatusRepositories(next, { internalRegistryHostname: "h" })).toBe(next);
  });
});

describe("guards on the query helpers", () => {
  it("null streams never cause a TypeError", () => {
    const nil = null as unknown as ImageStream;
    expect(() => withStatusRepositories(nil, {})).toThrow("an ImageStream object is required");
    expect(statusRepositories(nil, {}).dockerImageRepository).toBe("");
    expect(() => resolveImageId(nil, "x")).toThrow(NotFoundError);
    expect(resolveReferenceForTagEvent(nil, "latest", ev("a/b", "i"))).toBe("a/b");
  });
});
