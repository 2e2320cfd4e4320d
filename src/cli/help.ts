/**
 * Help texts shared by every subcommand.
 */

/** The flags every subcommand understands, for help texts. */
export const COMMON_HELP = `Input and output flags:
  -f, --filename FILE     Input file; repeat for several, "-" for standard input. YAML (several
                          documents allowed), JSON, or a List with items. Objects used: ImageStream,
                          Image (other kinds are carried along untouched).
  -n, --namespace NS      Current project. Default: the namespace of the image streams when they
                          all name the same one, else "default". Streams without a namespace are
                          in the current project.
      --now TIME          The current time, RFC 3339 (e.g. 2017-10-02T17:06:00Z). Default: the clock.
      --registry-hostname HOST
                          Host (and port) of the integrated registry. Default: read off the streams'
                          status.dockerImageRepository (<host>/<namespace>/<name>).
      --public-registry-hostname HOST
                          Public host of the integrated registry. Default: read off the streams'
                          status.publicDockerImageRepository.
  -h, --help              Show this help.`;

/** The flags of commands that change streams. */
export const WRITE_HELP = `  -o, --output FORMAT     Print the resulting objects as yaml or json instead of the message.
      --in-place          Write the changed objects back into their files. Each file is replaced
                          atomically (temporary file in the same folder, then rename); when anything
                          fails, no file is changed.`;

/** Exit status paragraph. */
export const EXIT_HELP = `Exit status: 0 on success; 1 on an error (one line on standard error, "error: <message>",
the message the API server or oc would give); 2 on a usage error.`;
