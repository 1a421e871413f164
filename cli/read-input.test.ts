import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../lib/input";
import { readInput } from "./read-input";

const dir = mkdtempSync(join(tmpdir(), "cet-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const noStdin = () => {
  throw new Error("stdin must not be read for a file");
};

async function* chunks(...parts: Array<string | Uint8Array>) {
  yield* parts;
}

describe("readInput", () => {
  it("reads a UTF-8 file", async () => {
    const path = file("ok.txt", 'API Error: 529 {"type":"error"} — überlastet');
    expect(await readInput(path, noStdin)).toEqual({
      ok: true,
      text: 'API Error: 529 {"type":"error"} — überlastet',
    });
  });

  it("reads standard input for -, joining its chunks", async () => {
    const euro = Buffer.from("€", "utf8");
    // A multi-byte character split across chunks must survive.
    const result = await readInput("-", () => chunks("Error: ", euro.subarray(0, 1), euro.subarray(1)));
    expect(result).toEqual({ ok: true, text: "Error: €" });
  });

  it.each([
    ["empty", "", "empty"],
    ["whitespace only", "  \n\t ", "empty"],
    ["binary", new Uint8Array([0x41, 0x00, 0x42]), "binary"],
    ["invalid UTF-8", new Uint8Array([0x41, 0xc3, 0x28]), "UTF-8"],
  ])("refuses a file that is %s, naming it", async (name, content, words) => {
    const path = file(`${name}.txt`, content);
    const result = await readInput(path, noStdin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.startsWith(`${path}: `)).toBe(true);
    expect(result.message).toContain(words);
  });

  it("refuses a file over the limit with its size", async () => {
    const path = file("big.log", "x".repeat(MAX_INPUT_BYTES + 1));
    const result = await readInput(path, noStdin);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("the limit is 1.0 MiB") });
  });

  it("stops reading past the ceiling", async () => {
    let served = 0;
    async function* endless() {
      for (;;) {
        served += 1024;
        yield new Uint8Array(1024).fill(0x61);
      }
    }
    const result = await readInput("-", endless, 8 * 1024);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("standard input: larger than"),
    });
    expect(served).toBeLessThanOrEqual(9 * 1024);
  });

  it("says a missing file does not exist", async () => {
    const path = join(dir, "nope.log");
    expect(await readInput(path, noStdin)).toEqual({ ok: false, message: `${path}: no such file.` });
  });

  it("says a directory is not a file", async () => {
    expect(await readInput(dir, noStdin)).toEqual({
      ok: false,
      message: `${dir}: is a directory, not a file.`,
    });
  });

  it("names standard input when it is refused", async () => {
    expect(await readInput("-", () => chunks(""))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^standard input: .*empty/),
    });
  });
});
