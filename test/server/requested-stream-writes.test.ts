/**
 * Writes that find no stream, or another stream than the one asked for, answer as the API server
 * does: a 404 naming the requested stream.
 */
import { describe, expect, it } from "vitest";
import {
  applyImageStreamMapping,
  createImageStream,
  type ImageStream,
  type ImageStreamMapping,
  isNotFound,
  NotFoundError,
  updateImageStream,
  updateImageStreamStatus,
} from "../support/all.js";
import { thrown } from "../support/thrown.js";
import { digest } from "./helpers.js";

const NOW = "2024-05-01T10:00:00Z";
const stream = (name: string, namespace = "ns") =>
  createImageStream({ metadata: { name, namespace } } as ImageStream, { now: NOW });

function mapping(name: string, namespace = "ns"): ImageStreamMapping {
  const image = digest(name);
  return {
    metadata: { name, namespace },
    tag: "latest",
    image: {
      metadata: { name: image },
      dockerImageReference: `172.30.1.1:5000/${namespace}/${name}@${image}`,
    },
  } as ImageStreamMapping;
}

describe("a missing or different stream is the 404 of the stream asked for (upstream REST storage)", () => {
  it("imagestreammapping rest.go findStreamForMapping: a mapping for another stream is refused, not applied", () => {
    const e = thrown(() => applyImageStreamMapping(stream("other"), mapping("test"), { now: NOW }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as Error).message).toBe('imagestreams.image.openshift.io "test" not found');
  });

  it("imagestreammapping rest.go findStreamForMapping: a mapping for the same name in another namespace is refused", () => {
    const e = thrown(() => applyImageStreamMapping(stream("test", "a"), mapping("test", "b"), { now: NOW }));
    expect(isNotFound(e)).toBe(true);
  });

  it("imagestream strategy: updating a stream that is not stored names it", () => {
    const next = stream("test");
    const e = thrown(() => updateImageStream(undefined as unknown as ImageStream, next, { now: NOW }));
    expect((e as Error).message).toBe('imagestreams.image.openshift.io "test" not found');
    const s = thrown(() => updateImageStreamStatus(undefined as unknown as ImageStream, next, { now: NOW }));
    expect(isNotFound(s)).toBe(true);
  });

  it("R10 a mapping for the stream itself still applies", () => {
    const { stream: next } = applyImageStreamMapping(stream("test"), mapping("test"), { now: NOW });
    expect(next.status?.tags?.[0]?.tag).toBe("latest");
  });
});
