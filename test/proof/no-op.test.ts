/**
 * No-op and idempotence properties over generated valid streams (DESIGN "a call that changes
 * nothing returns the very same object"): re-submitting a stored
 * stream, re-applying a mapping, re-normalizing, re-deleting. Inputs are deep-frozen.
 */
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { ImageStream } from "../../src/model/index.js";
import { createImageStreamInternal, updateImageStreamInternal } from "../../src/server/index.js";
import * as lib from "../support/all.js";
import { arbImageStream, arbImageStreamMapping } from "../support/arbitraries.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

const NOW = "2024-01-01T00:00:00Z";
const OPTS = { now: NOW, internalRegistryHostname: "172.30.56.218:5000" };

/** A stored stream: a generated valid stream through the internal create path; undefined when §8 rejects it. */
function stored(s: ImageStream): ImageStream | undefined {
  try {
    return deepFreeze(createImageStreamInternal(s, { ...OPTS, getImageStream: () => undefined }));
  } catch (e) {
    expect(e).toBeInstanceOf(lib.ImageStreamError);
    return undefined;
  }
}

describe("no-op writes return the very same object", () => {
  it("R6.2 updateImageStream(stored, deep copy of stored) is stored itself (100 runs)", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbImageStream(), (s0) => {
        const s = stored(s0);
        if (s === undefined) return;
        const copy = deepFreeze(snapshot(s));
        expect(lib.updateImageStream(s, copy, OPTS)).toBe(s);
        expect(updateImageStreamInternal(s, copy, OPTS)).toBe(s);
        expect(lib.updateImageStreamStatus(s, copy, OPTS)).toBe(s);
        checked++;
      }),
      { numRuns: 100, seed: 71 },
    );
    expect(checked).toBeGreaterThan(20);
  });

  it("R10.6 the same mapping applied twice: the second call returns its input (100 runs)", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbImageStream(), arbImageStreamMapping(), (s0, m0) => {
        const s = stored(s0);
        if (s === undefined) return;
        // the mapping names the stored stream (an absent stream name leaves the mapping unnamed)
        const { name: _generated, ...meta } = m0.metadata ?? {};
        const { namespace: _ns, ...rest } = meta;
        const name = s.metadata?.name;
        const namespace = s.metadata?.namespace;
        const named = name === undefined ? rest : { ...rest, name };
        const m = deepFreeze({ ...m0, metadata: namespace === undefined ? named : { ...named, namespace } });
        let once: ImageStream;
        try {
          once = deepFreeze(lib.applyImageStreamMapping(s, m, OPTS).stream);
        } catch (e) {
          expect(e).toBeInstanceOf(lib.ImageStreamError);
          return;
        }
        expect(lib.applyImageStreamMapping(once, m, OPTS).stream).toBe(once);
        // and the tag's top is the mapping's image (R10.5)
        expect(lib.latestTaggedImage(once, m.tag)?.image).toBe(m.image.metadata?.name);
        checked++;
      }),
      { numRuns: 100, seed: 72 },
    );
    expect(checked).toBeGreaterThan(20);
  });

  it("R1.11 normalizeImageStream is idempotent and returns a normalized stream itself (100 runs)", () => {
    fc.assert(
      fc.property(arbImageStream(), (s0) => {
        const once = deepFreeze(lib.normalizeImageStream(deepFreeze(s0)));
        expect(lib.normalizeImageStream(once)).toBe(once);
        const names = (once.spec?.tags ?? []).map((t) => t.name);
        expect(names).toEqual([...names].sort());
      }),
      { numRuns: 100, seed: 73 },
    );
  });

  it("R9.3 deleting a tag twice: the second delete is NotFound, the first bumps the generation iff a spec tag went (100 runs)", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbImageStream(), fc.nat(), (s0, i) => {
        const s = stored(s0);
        if (s === undefined) return;
        const names = [
          ...new Set([
            ...(s.spec?.tags ?? []).map((t) => t.name),
            ...(s.status?.tags ?? []).map((t) => t.tag),
          ]),
        ];
        if (names.length === 0) return;
        const tag = names[i % names.length] as string;
        const hadSpec = (s.spec?.tags ?? []).some((t) => t.name === tag);
        let once: ImageStream;
        try {
          once = deepFreeze(lib.deleteImageStreamTag(s, tag, OPTS));
        } catch (e) {
          // the rest of the stream may no longer validate without the deleted source tag
          expect(e).toBeInstanceOf(lib.ImageStreamError);
          return;
        }
        expect((once.metadata?.generation ?? 0) - (s.metadata?.generation ?? 0)).toBe(hadSpec ? 1 : 0);
        expect(once.spec?.tags?.some((t) => t.name === tag) ?? false).toBe(false);
        expect(once.status?.tags?.some((t) => t.tag === tag) ?? false).toBe(false);
        expect(() => lib.deleteImageStreamTag(once, tag, OPTS)).toThrow(lib.NotFoundError);
        checked++;
      }),
      { numRuns: 100, seed: 74 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});
