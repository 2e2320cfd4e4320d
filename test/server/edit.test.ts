/** editImageStream: a recipe edits a draft, the result goes through the update path (R6.2, §8). */
import { describe, expect, it } from "vitest";
import {
  createImageStream,
  editImageStream,
  type ImageStream,
  InvalidError,
  updateImageStream,
} from "../support/all.js";
import { isDeepFrozen } from "../support/freeze.js";

const NOW = "2024-05-01T10:00:00Z";
const OPTS = { now: NOW, internalRegistryHostname: "172.30.1.1:5000" };

function stored(): ImageStream {
  return createImageStream(
    {
      metadata: { name: "app", namespace: "ns" },
      spec: {
        tags: [{ name: "1.0", from: { kind: "DockerImage", name: "quay.io/x/app:1.0" }, reference: true }],
      },
    } as ImageStream,
    OPTS,
  );
}

describe("editImageStream", () => {
  it("R6.2 a spec edit on the draft bumps the generation and resolves the new tag (§8) like updateImageStream", () => {
    const s = stored();
    const next = editImageStream(
      s,
      (d) => {
        d.spec?.tags?.push({ name: "latest", from: { kind: "ImageStreamTag", name: "1.0" } });
      },
      OPTS,
    );
    expect(next.metadata?.generation).toBe((s.metadata?.generation ?? 0) + 1);
    expect(next.status?.tags?.map((t) => t.tag)).toEqual(["1.0", "latest"]);
    expect(next.status?.tags?.[1]?.items[0]?.dockerImageReference).toBe("quay.io/x/app:1.0");
    const viaUpdate = updateImageStream(
      s,
      {
        ...s,
        spec: {
          ...s.spec,
          tags: [...(s.spec?.tags ?? []), { name: "latest", from: { kind: "ImageStreamTag", name: "1.0" } }],
        },
      },
      OPTS,
    );
    expect(next).toEqual(viaUpdate);
    expect(isDeepFrozen(next)).toBe(true);
  });

  it("R14 lookupPolicy edited as YAML would be", () => {
    const next = editImageStream(
      stored(),
      (d) => {
        d.spec = { ...d.spec, lookupPolicy: { local: true } };
      },
      OPTS,
    );
    expect(next.spec?.lookupPolicy).toEqual({ local: true });
  });

  it("a recipe that changes nothing returns the very same object", () => {
    const s = stored();
    expect(editImageStream(s, () => {}, OPTS)).toBe(s);
    expect(editImageStream(s, (d) => void d.metadata?.name, OPTS)).toBe(s);
  });

  it("R6.2 status edits are ignored on the update path (the server keeps the stored status)", () => {
    const s = stored();
    const next = editImageStream(
      s,
      (d) => {
        d.status = { tags: [] };
      },
      OPTS,
    );
    expect(next.status?.tags).toEqual(s.status?.tags);
  });

  it("an invalid edit is an InvalidError and the input is untouched", () => {
    const s = stored();
    expect(() =>
      editImageStream(
        s,
        (d) => {
          d.spec?.tags?.push({ name: "bad", from: { kind: "ImageStreamTag", name: "a:b:c" } });
        },
        OPTS,
      ),
    ).toThrow(InvalidError);
    expect(s.spec?.tags).toHaveLength(1);
  });

  it("the recipe's own exception propagates unchanged", () => {
    const boom = new Error("boom");
    expect(() =>
      editImageStream(
        stored(),
        () => {
          throw boom;
        },
        OPTS,
      ),
    ).toThrow(boom);
  });
});
