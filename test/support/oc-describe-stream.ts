/** The image stream of oc's describe tests, shared by the describe tests. */
import type { ImageStream } from "../../src/model/index.js";
import { deepFreeze } from "./freeze.js";

export const SHA_4BD = "sha256:4bd26aef1ce78b4f05ede83496276f11e3343441574ca1ce89dffd146c708c16";
export const SHA_062 = "sha256:062b80555a5dd7f5d58e78b266785a399277ff8c3e402ce5fa5d8571788e6bad";
export const SHA_E52 = "sha256:e52c6534db85036dabac5e71ff14e720db94def2d90f986f3548425ea27b3719";

/** OC pkg/helpers/describe/helpers_test.go TestFormatImageStreamTags: the stream it describes. */
export const ocTestStream: ImageStream = deepFreeze({
  spec: {
    tags: [
      { name: "spec1", from: { kind: "ImageStreamTag", namespace: "foo", name: "bar:latest" } },
      { name: "spec2", from: { kind: "ImageStreamImage", namespace: "mysql", name: `latest@${SHA_E52}` } },
      {
        name: "spec3",
        from: { kind: "DockerImage", name: "mysql" },
        importPolicy: { scheduled: true },
        generation: 3,
        referencePolicy: { type: "Local" },
      },
      { name: "spec4", from: { kind: "DockerImage", name: "mysql:2" }, reference: true },
      { name: "spec5" },
    ],
  },
  status: {
    tags: [
      {
        tag: "default",
        items: [
          {
            created: "2015-03-24T09:38:00Z",
            dockerImageReference: `registry:5000/foo/bar@${SHA_4BD}`,
            image: SHA_4BD,
            generation: 0,
          },
          {
            created: "2015-03-23T07:15:00Z",
            dockerImageReference: `registry:5000/foo/bar@${SHA_062}`,
            image: SHA_062,
            generation: 0,
          },
        ],
      },
      {
        tag: "spec1",
        items: [
          {
            created: "2015-03-24T09:38:00Z",
            dockerImageReference: `registry:5000/foo/bar@${SHA_4BD}`,
            image: SHA_4BD,
            generation: 0,
          },
        ],
      },
      {
        tag: "spec2",
        items: [
          {
            created: "2015-03-24T09:38:00Z",
            dockerImageReference: "mysql:latest",
            image: SHA_E52,
            generation: 0,
          },
        ],
      },
      {
        tag: "spec3",
        conditions: [
          {
            type: "ImportSuccess",
            status: "False",
            reason: "NotFound",
            message: "Image not found due to error",
            generation: 0,
          },
        ],
        items: [
          {
            created: "2015-03-24T09:38:00Z",
            dockerImageReference: "mysql:latest",
            image: SHA_E52,
            generation: 2,
          },
        ],
      },
    ],
  },
});
