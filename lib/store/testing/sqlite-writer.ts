import { openSqliteStore } from "../sqlite";
import { makePermalink } from "./fixtures";

// Child process for sqlite.test.ts: `node --import tsx sqlite-writer.ts <dataDir> <count>`.
// Prints each id on its own line only after its create resolved (the moment the API answers 201),
// so every id the parent has read is an acknowledged write. (A function, not top-level await:
// without "type": "module" tsx compiles this file as CommonJS.)

async function main([dataDir, countArg]: string[]): Promise<void> {
  if (dataDir === undefined || countArg === undefined)
    throw new Error("usage: sqlite-writer <dataDir> <count>");
  const store = openSqliteStore({ dataDir });
  for (let i = 0; i < Number(countArg); i += 1) {
    const { record } = makePermalink();
    await store.create(record);
    process.stdout.write(`${record.id}\n`);
  }
  await store.close();
}

void main(process.argv.slice(2));
