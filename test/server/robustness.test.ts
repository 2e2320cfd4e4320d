/** Bad input: server functions throw only typed errors on odd documents. */
import { describe, expect, it } from "vitest";
import type { ImageStream, ImageStreamImport } from "../../src/model/index.js";
import { applyImportResult } from "../../src/server/index.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

const NOW = "2024-01-01T12:00:00Z";
const DA = `sha256:${"a".repeat(64)}`;

describe("bad input: applyImportResult", () => {
  it("bad input: applyImportResult with a null status item reads it as no event, not TypeError", () => {
    const before = deepFreeze({
      metadata: { name: "python", namespace: "default", generation: 2 },
      spec: {
        tags: [
          {
            name: "3.6",
            from: { kind: "DockerImage", name: "docker.io/python:3.6.0" },
            generation: 2,
            importPolicy: { importMode: "Legacy" },
            referencePolicy: { type: "Source" },
          },
        ],
      },
      status: { dockerImageRepository: "r/default/python", tags: [{ tag: "3.6", items: [null] }] },
    }) as unknown as ImageStream;
    const isi = deepFreeze({
      metadata: { name: "python", namespace: "default" },
      spec: {
        import: true,
        images: [{ from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, to: { name: "3.6" } }],
      },
      status: {
        images: [
          {
            status: { status: "Success" },
            image: { metadata: { name: DA }, dockerImageReference: "docker.io/python:3.6.0" },
          },
        ],
      },
    }) as unknown as ImageStreamImport;
    const copy = snapshot(before);
    const { stream } = applyImportResult(before, isi, { now: NOW });
    expect(before).toEqual(copy);
    const items = stream.status?.tags?.find((t) => t.tag === "3.6")?.items;
    expect(items?.[0]).toMatchObject({ image: DA, dockerImageReference: `docker.io/python@${DA}` });
  });
});
