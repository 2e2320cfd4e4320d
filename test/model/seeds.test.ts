import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  ImageStreamStatusSchema,
  normalizeImageStream,
  parseImage,
  parseImageStream,
  parseImageStreamMapping,
} from "../../src/model/index.js";
import { deepFreeze } from "../support/freeze.js";

function fixture(name: string): Record<string, unknown> {
  const text = readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), "utf8");
  return parseYaml(text) as Record<string, unknown>;
}

const API_VERSIONS = ["v1", "image.openshift.io/v1"] as const;

describe("seed fixtures round-trip losslessly (R1.1, R1.5, R1.9)", () => {
  for (const apiVersion of API_VERSIONS) {
    it(`R1.1.1 the seed ImageStream with tag history parses and round-trips (apiVersion ${apiVersion})`, () => {
      const input = deepFreeze({ ...fixture("image-stream.yaml"), apiVersion });
      const before = JSON.stringify(input);
      const stream = parseImageStream(input);
      expect(JSON.stringify(stream)).toBe(before);
      expect(Object.keys(stream)).toEqual(["apiVersion", "kind", "metadata", "spec", "status"]);
      expect(stream.metadata?.name).toBe("origin-ruby-sample");
      // the unknown (misspelled) `selflink` key survives
      expect((stream.metadata as Record<string, unknown>).selflink).toBe(
        "/oapi/v1/namespaces/test/imagestreams/origin-ruby-sample",
      );
      const latest = stream.status?.tags?.[0];
      expect(latest?.tag).toBe("latest");
      expect(latest?.items[0]?.image).toBe(
        "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d",
      );
      expect(latest?.items[0]?.created).toBe("2016-01-29T13:40:11Z");
    });

    for (const file of ["image-stream-mapping.yaml", "image-stream-mapping-fr.yaml"]) {
      it(`R1.5.1 the seed ImageStreamMapping ${file} with full image metadata parses and round-trips (apiVersion ${apiVersion})`, () => {
        const input = deepFreeze({ ...fixture(file), apiVersion });
        const before = JSON.stringify(input);
        const mapping = parseImageStreamMapping(input);
        expect(JSON.stringify(mapping)).toBe(before);
        expect(mapping.tag).toBe("latest");
        expect(mapping.metadata?.creationTimestamp).toBeNull();
        expect(mapping.image.metadata).toBeUndefined();
        const meta = mapping.image.dockerImageMetadata;
        expect(meta?.Id).toBe("9d7fd5e2d15495802028c569d544329f4286dcd1c9c085ff5699218dbaa69b43");
        expect(meta?.Parent).toBe("57b08d979c86f4500dc8cad639c9518744c8dd39447c055a3517dc9c18d6fccd");
        expect(meta?.Created).toBe("2016-01-29T13:40:00Z");
        expect(meta?.Architecture).toBe("amd64");
        expect(meta?.Size).toBe(441976279);
        expect(meta?.Config?.Cmd).toEqual(["/usr/libexec/s2i/run"]);
        expect(meta?.Config?.User).toBe("1001");
        expect(meta?.Config?.ExposedPorts).toEqual({ "8080/tcp": {} });
        expect(meta?.ContainerConfig?.Hostname).toBe("ruby-sample-build-1-build");
        expect(mapping.image.dockerImageLayers).toHaveLength(7);
        expect(mapping.image.dockerImageLayers?.[1]?.size).toBe(196634330);
        // the image inside parses on its own too
        expect(JSON.stringify(parseImage(mapping.image))).toBe(
          JSON.stringify((input as Record<string, unknown>).image),
        );
      });
    }
  }

  it("R1.4.2 the seed two-item tag history parses as a status, newest first, and round-trips", () => {
    const fragment = deepFreeze(fixture("tag-history.yaml"));
    const status = ImageStreamStatusSchema.parse(fragment);
    expect(status.tags?.[0]?.items.map((e) => e.generation)).toEqual([2, 1]);
    for (const apiVersion of API_VERSIONS) {
      const input = deepFreeze({
        apiVersion,
        kind: "ImageStream",
        metadata: { name: "origin-ruby-sample", namespace: "test" },
        spec: {},
        status: { dockerImageRepository: "172.30.56.218:5000/test/origin-ruby-sample", ...fragment },
      });
      const stream = parseImageStream(input);
      expect(JSON.stringify(stream)).toBe(JSON.stringify(input));
      const items = stream.status?.tags?.[0]?.items ?? [];
      expect(items[0]?.created).toBe("2016-03-02T10:15:09Z");
      expect(items[1]?.created).toBe("2016-01-29T13:40:11Z");
    }
  });

  it("R1.11.1 the seed stream is already normalized: normalizeImageStream returns it unchanged", () => {
    const stream = parseImageStream(deepFreeze(fixture("image-stream.yaml")));
    expect(normalizeImageStream(stream)).toBe(stream);
  });
});
