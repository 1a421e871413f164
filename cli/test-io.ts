import { PassThrough } from "node:stream";
import type { CliIo } from "./main";

/**
 * A CliIo for in-process tests: no status page (asking for one fails the test loudly unless the test passes
 * its own), standard streams that are fresh pipes, the clock and randomness fixed.
 */
export function testIo(overrides: Partial<CliIo> & Pick<CliIo, "stdout" | "stderr" | "stdin">): CliIo {
  return {
    color: false,
    now: () => new Date("2026-11-21T10:20:00.000Z"),
    random: () => 0.5,
    env: {},
    cwd: process.cwd(),
    statusClient: () => {
      throw new Error("this test gave the CLI no status client");
    },
    streams: () => ({ stdin: new PassThrough(), stdout: new PassThrough() }),
    loadMcp: () => import("../lib/mcp/stdio"),
    ...overrides,
  };
}
