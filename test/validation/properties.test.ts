import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  validateImage,
  validateImageStream,
  validateImageStreamImport,
  validateImageStreamMapping,
  validateImageStreamName,
  validateImageStreamStatusUpdate,
  validateImageStreamTag,
  validateImageStreamTagUpdate,
  validateImageTag,
  validateImageTagUpdate,
  validateNamespaceName,
  validateTagReference,
} from "../../src/validation/index.js";
import { arbImage, arbImageStream, arbImageStreamMapping, arbTagReference } from "../support/arbitraries.js";
import { deepFreeze } from "../support/freeze.js";

const anything = fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true });

/** Objects shaped roughly like image API objects, with odd values in every slot. */
const odd = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    anything,
    fc.dictionary(
      fc.constantFrom(
        "metadata",
        "spec",
        "status",
        "tags",
        "items",
        "from",
        "name",
        "namespace",
        "kind",
        "image",
        "tag",
        "images",
        "repository",
        "dockerImageReference",
        "dockerImageManifests",
        "dockerImageLayers",
        "annotations",
        "labels",
        "importPolicy",
        "referencePolicy",
        "to",
        "__proto__",
        "constructor",
      ),
      tie("value"),
      { maxKeys: 6 },
    ),
    fc.array(tie("value"), { maxLength: 3 }),
  ),
})).value;

const validators: Array<[string, (x: unknown, y: unknown) => unknown]> = [
  ["validateImageStream", (x, y) => validateImageStream(x, { old: y })],
  ["validateImageStreamStatusUpdate", (x, y) => validateImageStreamStatusUpdate(x, y)],
  ["validateTagReference", (x) => validateTagReference(x, "spec.tags[x]")],
  ["validateImage", (x) => validateImage(x, "image")],
  ["validateImageStreamMapping", (x) => validateImageStreamMapping(x)],
  ["validateImageStreamTag", (x) => validateImageStreamTag(x)],
  ["validateImageStreamTagUpdate", (x, y) => validateImageStreamTagUpdate(x, y)],
  ["validateImageTag", (x) => validateImageTag(x)],
  ["validateImageTagUpdate", (x, y) => validateImageTagUpdate(x, y)],
  ["validateImageStreamImport", (x) => validateImageStreamImport(x)],
  ["validateImageStreamName", (x) => validateImageStreamName(x as string)],
  ["validateNamespaceName", (x) => validateNamespaceName(x as string)],
];

describe("validation properties", () => {
  for (const [name, fn] of validators) {
    fcTest.prop([fc.oneof(anything, odd), fc.oneof(anything, odd)], { numRuns: 150 })(
      `${name} never throws on any input and returns an array of field errors`,
      (a, b) => {
        const result = fn(deepFreeze(a), deepFreeze(b));
        expect(Array.isArray(result)).toBe(true);
        for (const e of result as unknown[])
          expect(typeof e === "string" || typeof (e as { field: unknown }).field === "string").toBe(true);
      },
    );
  }

  fcTest.prop([arbImageStream()], { numRuns: 100 })(
    "§4.1 every generated valid ImageStream validates clean (also as an update of itself)",
    (s) => {
      const frozen = deepFreeze(s);
      expect(validateImageStream(frozen)).toEqual([]);
      expect(validateImageStream(frozen, { old: frozen })).toEqual([]);
    },
  );

  fcTest.prop([arbTagReference()], { numRuns: 100 })(
    "§4.2 every generated valid TagReference validates clean",
    (t) => {
      expect(validateTagReference(deepFreeze(t), "spec.tags[t]")).toEqual([]);
    },
  );

  fcTest.prop([arbImage()], { numRuns: 100 })("R1.9.8 every generated valid Image validates clean", (i) => {
    expect(validateImage(deepFreeze(i))).toEqual([]);
  });

  fcTest.prop([arbImageStreamMapping()], { numRuns: 100 })(
    "§4.3 every generated valid ImageStreamMapping validates clean",
    (m) => {
      expect(validateImageStreamMapping(deepFreeze(m))).toEqual([]);
    },
  );

  fcTest.prop([fc.string({ maxLength: 300 })], { numRuns: 200 })(
    "R4.1.1 a stream name is valid iff it matches the upstream regex (scanner agrees with the regex)",
    (s) => {
      const re = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
      const pathOk = s !== "." && s !== ".." && !s.includes("/") && !s.includes("%");
      expect(validateImageStreamName(s).length === 0).toBe(pathOk && re.test(s));
    },
  );

  fcTest.prop([fc.stringMatching(/^[a-z0-9.\-A-Z!]{0,70}$/)], { numRuns: 200 })(
    "R4.1.2 a namespace is valid iff it is a DNS-1123 label of at most 63 characters",
    (s) => {
      const ok = s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
      expect(validateNamespaceName(s).length === 0).toBe(ok);
    },
  );
});
