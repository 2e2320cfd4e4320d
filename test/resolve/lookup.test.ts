import { describe, expect, it } from "vitest";
import type { Image, ImageStream } from "../../src/model/index.js";
import {
  type LookupOptions,
  RESOLVE_NAMES_ANNOTATION,
  resolveImageReference,
} from "../../src/resolve/lookup.js";
import { deepFreeze } from "../support/freeze.js";

const HOST = "image-registry.openshift-image-registry.svc:5000";
const DA = `sha256:${"a".repeat(64)}`;
const DB = `sha256:${"b".repeat(64)}`;
const T = "2024-01-01T00:00:00Z";

function stream(
  name: string,
  local: boolean,
  tags: Array<{ tag: string; ref: string; image: string; policy?: string }>,
) {
  return deepFreeze({
    metadata: { name, namespace: "myapp" },
    spec: {
      lookupPolicy: { local },
      tags: tags.map((t) => ({
        name: t.tag,
        from: { kind: "DockerImage", name: `${name}:${t.tag}` },
        generation: 1,
        referencePolicy: { type: t.policy ?? "Source" },
      })),
    },
    status: {
      dockerImageRepository: `${HOST}/myapp/${name}`,
      tags: tags.map((t) => ({
        tag: t.tag,
        items: [{ created: T, dockerImageReference: t.ref, image: t.image, generation: 1 }],
      })),
    },
  }) as unknown as ImageStream;
}

const streams: Record<string, ImageStream> = {
  mysql: stream("mysql", true, [{ tag: "latest", ref: `docker.io/library/mysql@${DA}`, image: DA }]),
  php: stream("php", true, [
    { tag: "latest", ref: `docker.io/library/php@${DB}`, image: DB, policy: "Local" },
    { tag: "src", ref: `docker.io/library/php@${DB}`, image: DB },
  ]),
  ruby: stream("ruby", false, [{ tag: "latest", ref: `docker.io/library/ruby@${DA}`, image: DA }]),
  ghost: stream("ghost", true, [{ tag: "latest", ref: `docker.io/library/ghost@${DA}`, image: DA }]),
};
const images: Record<string, Image> = {
  [DA]: { metadata: { name: DA }, dockerImageReference: `docker.io/library/mysql@${DA}` } as Image,
  [DB]: { metadata: { name: DB }, dockerImageReference: `docker.io/library/php@${DB}` } as Image,
};

const base: LookupOptions = {
  namespace: "myapp",
  getImageStream: (ns, name) => (ns === "myapp" ? streams[name] : undefined),
  getImage: (name) => images[name],
};

describe("resolveImageReference — partial references (R14.2, R14.3)", () => {
  it("R14.3 `mysql` resolves through the stream with lookupPolicy.local to the image digest", () => {
    expect(resolveImageReference("mysql", base)).toEqual({
      kind: "rewrite",
      image: `docker.io/library/mysql@${DA}`,
      original: "mysql",
      imageStreamTag: "myapp/mysql:latest",
      fallback: false,
    });
  });

  it("R14.3 `php:latest` with referencePolicy Local resolves into the integrated registry", () => {
    const r = resolveImageReference("php:latest", base);
    expect(r).toMatchObject({ kind: "rewrite", image: `${HOST}/myapp/php@${DB}` });
  });

  it("R14.3 the rewrite uses the tag event's reference (R13.2), not the Image's own reference", () => {
    expect(resolveImageReference("ghost", base)).toMatchObject({
      kind: "rewrite",
      image: `docker.io/library/ghost@${DA}`,
    });
  });

  it("R14.3 Source reference policy keeps the original repository", () => {
    expect(resolveImageReference("php:src", base)).toMatchObject({
      kind: "rewrite",
      image: `docker.io/library/php@${DB}`,
    });
  });

  it("R14.2 `library/mysql` and `docker.io/mysql` are not partial references", () => {
    expect(resolveImageReference("library/mysql", base)).toEqual({
      kind: "unchanged",
      image: "library/mysql",
      reason: "notLocalName",
      message: "(library/mysql) could not be resolved to an exact image reference",
    });
    expect(resolveImageReference("docker.io/mysql", base)).toMatchObject({
      kind: "unchanged",
      reason: "notLocalName",
    });
  });

  it("R14.2 a digest reference is never rewritten by the lookup policy", () => {
    expect(resolveImageReference(`mysql@${DA}`, base)).toEqual({
      kind: "unchanged",
      image: `mysql@${DA}`,
      reason: "digest",
    });
  });

  it("R14.2 a reference into the integrated registry is a full reference and is not rewritten", () => {
    const withHost = { ...base, internalRegistryHostname: HOST };
    expect(resolveImageReference(`${HOST}/myapp/mysql:latest`, withHost)).toMatchObject({
      kind: "unchanged",
      reason: "fullReference",
    });
    // even when the stream does not allow lookup (no LocalRewrite on full references)
    expect(resolveImageReference(`${HOST}/myapp/ruby`, withHost)).toMatchObject({ reason: "fullReference" });
    // full references are resolved in their own namespace
    expect(resolveImageReference(`${HOST}/other/mysql:latest`, withHost)).toMatchObject({
      reason: "notFound",
    });
  });

  it("R14.3 the missing-istag fallback also applies to full references (upstream sets LocalRewrite there too)", () => {
    const r = resolveImageReference(`${HOST}/myapp/mysql:8`, { ...base, internalRegistryHostname: HOST });
    expect(r).toMatchObject({ kind: "rewrite", image: `${HOST}/myapp/mysql:8`, fallback: true });
  });

  it("R14.3 missing istag in a stream with lookup: fallback to <status.dockerImageRepository>:<tag>", () => {
    expect(resolveImageReference("mysql:8", base)).toEqual({
      kind: "rewrite",
      image: `${HOST}/myapp/mysql:8`,
      original: "mysql:8",
      imageStreamTag: "myapp/mysql:8",
      fallback: true,
    });
    // Only the stream's status repository counts, whatever internalRegistryHostname says
    // (apiserver-library-go TestAdmissionResolveImages: "tag is not found, but the stream is").
    const withHost = resolveImageReference("mysql:8", {
      ...base,
      internalRegistryHostname: "registry.example:5000",
    });
    expect(withHost).toMatchObject({ kind: "rewrite", image: `${HOST}/myapp/mysql:8`, fallback: true });
    // ... and a stream without one is not rewritten ("registry is not installed").
    const bare = deepFreeze({ ...streams.mysql, status: { tags: [] } }) as unknown as ImageStream;
    const noRepo = resolveImageReference("mysql:8", {
      ...base,
      internalRegistryHostname: "registry.example:5000",
      getImageStream: (ns, name) => (ns === "myapp" && name === "mysql" ? bare : undefined),
    });
    expect(noRepo).toMatchObject({ kind: "unchanged", reason: "notFound" });
  });

  it("R14.3 the stream must allow lookup: found tag → error, missing tag → no fallback", () => {
    expect(resolveImageReference("ruby", base)).toEqual({
      kind: "unchanged",
      image: "ruby",
      reason: "lookupNotAllowed",
      message:
        "ImageStreamTag does not allow local references and the resource did not request image stream resolution",
    });
    expect(resolveImageReference("ruby:9", base)).toMatchObject({ kind: "unchanged", reason: "notFound" });
  });

  it("R14.3 no stream, or a missing Image object: no rewrite and no fallback", () => {
    // the ImageStreamTag GET fails on the missing stream first
    expect(resolveImageReference("nosuch", base)).toEqual({
      kind: "unchanged",
      image: "nosuch",
      reason: "notFound",
      message: 'imagestreams.image.openshift.io "nosuch" not found',
    });
    const noImages = resolveImageReference("mysql", { ...base, getImage: () => undefined });
    expect(noImages).toMatchObject({ kind: "unchanged", reason: "notFound" });
    expect(resolveImageReference("mysql", { namespace: "myapp" })).toMatchObject({ reason: "notFound" });
  });

  it("R14.6 only the object's own namespace is consulted", () => {
    expect(resolveImageReference("mysql", { ...base, namespace: "other" })).toMatchObject({
      reason: "notFound",
    });
  });

  it("R14.2 an unparseable string is left alone with the parser's message", () => {
    const r = resolveImageReference("Not A Ref", base);
    expect(r).toMatchObject({ kind: "unchanged", reason: "invalidReference" });
    expect(r.kind === "unchanged" && typeof r.message === "string" && r.message.length > 0).toBe(true);
  });
});

describe("resolveImageReference — resolve-names annotation (R14.5)", () => {
  const forced = { ...base, annotations: { [RESOLVE_NAMES_ANNOTATION]: "*" } };
  it("R14.5 forces resolution even when the stream does not allow lookup", () => {
    expect(resolveImageReference("ruby", forced)).toMatchObject({
      kind: "rewrite",
      image: `docker.io/library/ruby@${DA}`,
    });
    expect(resolveImageReference("ruby:9", forced)).toMatchObject({
      kind: "rewrite",
      image: `${HOST}/myapp/ruby:9`,
      fallback: true,
    });
  });
  it("R14.5 registry and namespace of the string are ignored", () => {
    expect(resolveImageReference("quay.io/x/mysql:latest", forced)).toMatchObject({
      kind: "rewrite",
      image: `docker.io/library/mysql@${DA}`,
      imageStreamTag: "myapp/mysql:latest",
    });
  });
  it("R14.5 digests are still never rewritten; other annotation values do not force", () => {
    expect(resolveImageReference(`quay.io/x/mysql@${DA}`, forced)).toMatchObject({ reason: "digest" });
    expect(
      resolveImageReference("ruby", { ...base, annotations: { [RESOLVE_NAMES_ANNOTATION]: "ruby" } }),
    ).toMatchObject({ reason: "lookupNotAllowed" });
  });
});

describe("resolveImageReference — resources and operations (R14.1, R14.4)", () => {
  it("R14.1 covered resources, in both spellings", () => {
    for (const resource of [
      "pods",
      "replicationcontrollers",
      "deployments.apps",
      "daemonsets.extensions",
      "cronjobs.batch",
      "deploymentconfigs.apps.openshift.io",
      { group: "build.openshift.io", resource: "builds" },
      { resource: "pods" },
      "apps/statefulsets",
      "/pods",
    ]) {
      expect(resolveImageReference("mysql", { ...base, resource }).kind).toBe("rewrite");
    }
  });
  it("R14.1 other resources are not covered", () => {
    expect(resolveImageReference("mysql", { ...base, resource: "services" })).toMatchObject({
      reason: "resourceNotCovered",
    });
    expect(resolveImageReference("mysql", { ...base, resource: "deployments" })).toMatchObject({
      reason: "resourceNotCovered",
    });
    expect(resolveImageReference("mysql", { ...base, resource: 42 as never })).toMatchObject({
      reason: "resourceNotCovered",
    });
  });
  it("R14.4 updates of batch/jobs and build.openshift.io/builds are not rewritten; creates are", () => {
    for (const resource of ["jobs.batch", "builds.build.openshift.io"]) {
      expect(resolveImageReference("mysql", { ...base, resource, operation: "update" })).toMatchObject({
        reason: "updateNotRewritten",
      });
      expect(resolveImageReference("mysql", { ...base, resource, operation: "create" }).kind).toBe("rewrite");
    }
    expect(
      resolveImageReference("mysql", { ...base, resource: "deployments.apps", operation: "update" }).kind,
    ).toBe("rewrite");
  });
  it("never throws on malformed options", () => {
    expect(resolveImageReference("mysql", null as never)).toMatchObject({
      kind: "unchanged",
      reason: "notFound",
    });
  });
});
