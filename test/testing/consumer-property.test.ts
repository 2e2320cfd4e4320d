/**
 * Property tests written the way a user of the package writes them: only the published helpers of
 * `imagestream/testing` and the public functions of `imagestream`, no internal module and no cast.
 */
import { test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  addTagEvent,
  applyImageStreamMapping,
  applyOperation,
  type ImageStream,
  isImageStreamError,
} from "../../src/index.js";
import {
  arbImageStream,
  arbImageStreamMapping,
  arbOperations,
  arbTagEvent,
  arbTagName,
  deepFreeze,
  fixedClock,
} from "../../src/testing/index.js";

const STREAM = { namespace: "ns", name: "app" } as const;
const TAGS = ["latest", "v1", "v2"] as const;

test.prop([
  arbImageStream({ ...STREAM, tagNames: TAGS }),
  arbImageStreamMapping({ ...STREAM, tagNames: TAGS }),
])(
  "R10.6 applying the same mapping twice: the second call returns the very same stream",
  (stream, mapping) => {
    const opts = { now: fixedClock("2024-01-01T00:00:00Z") };
    const once = applyImageStreamMapping(deepFreeze(stream), deepFreeze(mapping), opts).stream;
    expect(applyImageStreamMapping(once, mapping, opts).stream).toBe(once);
  },
);

test.prop([arbImageStream(), arbTagName(), arbTagEvent()])(
  "R7.2 adding the same event twice: the second call returns the very same stream",
  (stream, tag, event) => {
    const once = addTagEvent(deepFreeze(stream), tag, deepFreeze(event));
    expect(addTagEvent(once, tag, event)).toBe(once);
  },
);

test.prop([
  arbImageStream({ ...STREAM, tagNames: TAGS, maxTags: 3 }),
  arbOperations({ ...STREAM, tagNames: TAGS }),
])(
  "replaying any operations on frozen input throws only ImageStreamErrors (a write to the input would be a TypeError)",
  (stream, ops) => {
    const opts = { now: fixedClock("2024-01-01T00:00:00Z", 1) };
    let s: ImageStream = deepFreeze(stream);
    for (const op of deepFreeze(ops)) {
      try {
        s = deepFreeze(applyOperation(s, op, opts));
      } catch (e) {
        expect(isImageStreamError(e), String(e)).toBe(true);
      }
    }
  },
);
