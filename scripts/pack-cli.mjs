#!/usr/bin/env node
// Makes the installable tarball of the command line: builds the bundle, stages a package that holds only the
// bundle, a two-line bin script, a package.json with no dependencies and a README, and runs `npm pack` on it.
// The repository's own package.json cannot be packed for this: it lists the web app's dependencies (Next.js,
// React, better-sqlite3, pg), which `npm install -g` would fetch and compile. The staged package needs nothing
// but Node, so `npm install -g ./claude-error-triage-<version>.tgz` works offline.
// Usage: node scripts/pack-cli.mjs [DEST_DIR]   (default dist/); prints the tarball's path.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli } from "./build-cli.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function packCli(dest = path.join(root, "dist")) {
  const { outdir } = await buildCli({ quiet: true });
  const repoPackage = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const stage = path.join(root, "dist", "package");
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.join(stage, "bin"), { recursive: true });
  cpSync(outdir, path.join(stage, "dist"), {
    recursive: true,
    filter: (src) => !src.endsWith("inputs.json"),
  });
  writeFileSync(
    path.join(stage, "bin", "claude-error-triage.mjs"),
    '#!/usr/bin/env node\nimport "../dist/claude-error-triage.mjs";\n',
    { mode: 0o755 },
  );
  const manifest = {
    name: repoPackage.name,
    version: repoPackage.version,
    description: repoPackage.description,
    license: repoPackage.license ?? "UNLICENSED",
    type: "module",
    engines: repoPackage.engines,
    bin: { "claude-error-triage": "bin/claude-error-triage.mjs" },
    files: ["bin/", "dist/", "README.md"],
  };
  writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    path.join(stage, "README.md"),
    `# claude-error-triage ${manifest.version}\n\n${manifest.description}\n\n` +
      "```sh\nclaude-error-triage error.log            # diagnose a pasted Claude API error\n" +
      "claude-error-triage --status error.log   # with the live status page first\n" +
      "claude-error-triage setup claude-code --write   # Claude Code StopFailure hook\n" +
      "claude mcp add claude-error-triage -- claude-error-triage mcp   # MCP server for Claude Code\n```\n\n" +
      "One JavaScript bundle, no dependencies; needs Node " +
      `${manifest.engines?.node ?? ">=20"}. Run \`claude-error-triage --help\` for every command.\n`,
  );
  mkdirSync(dest, { recursive: true });
  const out = execFileSync("npm", ["pack", stage, "--pack-destination", dest, "--json", "--ignore-scripts"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [{ filename, size, unpackedSize, entryCount }] = JSON.parse(out);
  return { tarball: path.join(dest, filename), size, unpackedSize, entryCount };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const packed = await packCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.error(
    `${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`,
  );
  console.log(packed.tarball);
}
