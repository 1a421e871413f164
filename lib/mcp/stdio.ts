import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Readable, Writable } from "node:stream";
import { createTriageMcpServer, type TriageMcpOptions } from "./server";

/** Serves the triage tools over standard input and output until the client closes the connection. */
export async function serveMcpOverStdio(
  options: TriageMcpOptions & { stdin: Readable; stdout: Writable },
): Promise<void> {
  const server = createTriageMcpServer(options);
  const transport = new StdioServerTransport(options.stdin, options.stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    options.stdin.once("end", () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close().catch(() => undefined);
}
