import { fc, test as fcTest } from "@fast-check/vitest";
import { expect } from "vitest";
import { parseImageStream, parseImageStreamMapping } from "../../src/model/index.js";
import { parseDockerImageReference } from "../../src/reference/index.js";
import { arbImageStream, arbImageStreamMapping } from "../support/arbitraries.js";

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/;
const STREAM = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

fcTest.prop([arbImageStream()], { numRuns: 100 })(
  "R1.4.2 arbImageStream: valid names, digests, RFC 3339 times, unique tags, histories newest first",
  (stream) => {
    expect(parseImageStream(stream)).toEqual(stream);
    expect(stream.metadata?.name).toMatch(STREAM);
    expect(stream.metadata?.namespace).toMatch(NAMESPACE);
    expect((stream.metadata?.namespace ?? "").length).toBeLessThanOrEqual(63);
    const specNames = (stream.spec?.tags ?? []).map((t) => t.name);
    expect(new Set(specNames).size).toBe(specNames.length);
    for (const t of stream.spec?.tags ?? []) {
      expect(t.name).toMatch(TAG);
      if (t.from?.kind === "DockerImage")
        expect(() => parseDockerImageReference(t.from?.name ?? "")).not.toThrow();
      if (t.from?.kind !== "DockerImage") expect(t.importPolicy?.scheduled ?? false).toBe(false);
    }
    const statusNames = (stream.status?.tags ?? []).map((t) => t.tag);
    expect(new Set(statusNames).size).toBe(statusNames.length);
    for (const list of stream.status?.tags ?? []) {
      expect(list.tag).toMatch(TAG);
      expect(list.items.length).toBeGreaterThan(0);
      for (let i = 0; i < list.items.length; i++) {
        const e = list.items[i];
        expect(e?.image).toMatch(DIGEST);
        expect(e?.created).toMatch(TIME);
        expect(parseDockerImageReference(e?.dockerImageReference ?? "").id).toBe(e?.image);
        const prev = list.items[i - 1];
        if (prev && e) {
          expect((prev.created ?? "") >= (e.created ?? "")).toBe(true);
          expect(prev.generation).toBeGreaterThanOrEqual(e.generation);
        }
      }
    }
  },
);

fcTest.prop([arbImageStreamMapping()], { numRuns: 50 })(
  "R1.9.1 arbImageStreamMapping: the image is named by the digest of its dockerImageReference",
  (m) => {
    expect(parseImageStreamMapping(m)).toEqual(m);
    expect(m.image.metadata?.name).toMatch(DIGEST);
    expect(parseDockerImageReference(m.image.dockerImageReference ?? "").id).toBe(m.image.metadata?.name);
    expect(m.tag).toMatch(TAG);
    const layers = m.image.dockerImageLayers ?? [];
    expect(m.image.dockerImageMetadata?.Size).toBe(layers.reduce((n, l) => n + l.size, 0));
  },
);

fcTest.prop([fc.constant(null)], { numRuns: 1 })("R1.1 arbitraries are varied (not constant)", () => {
  const samples = fc.sample(arbImageStream(), { numRuns: 50, seed: 42 });
  expect(new Set(samples.map((s) => s.metadata?.name)).size).toBeGreaterThan(5);
  expect(samples.some((s) => (s.spec?.tags?.length ?? 0) >= 2)).toBe(true);
  expect(samples.some((s) => (s.status?.tags ?? []).some((t) => t.items.length >= 2))).toBe(true);
  const kinds = new Set(samples.flatMap((s) => (s.spec?.tags ?? []).map((t) => t.from?.kind)));
  expect(kinds.has("DockerImage") && kinds.has("ImageStreamTag") && kinds.has("ImageStreamImage")).toBe(true);
});
