// First-load JavaScript of the pages (issue 7 budget: 150 KB gzipped for /), measured the way a browser
// loads them: the module scripts the served HTML names, gzipped. `noModule` polyfills are skipped (modern
// browsers never fetch them). Run after `npm run build`.
import { gzipSync } from "node:zlib";
import { startMockStatusServer } from "../scripts/mock-status-server";
import { startApp } from "../scripts/app-server";

const BUDGET_KB = 150;
const SCRIPT = /<script\s[^>]{0,400}>/g;

async function firstLoad(base: string, path: string): Promise<{ kb: number; raw: number; scripts: number }> {
  const html = await (await fetch(`${base}${path}`)).text();
  let gz = 0;
  let raw = 0;
  let scripts = 0;
  for (const [tag] of html.matchAll(SCRIPT)) {
    const src = /\bsrc="(\/_next\/[^"]{1,300})"/.exec(tag)?.[1];
    if (!src || /\bnoModule\b/i.test(tag)) continue;
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
    scripts += 1;
  }
  return { kb: gz / 1024, raw: raw / 1024, scripts };
}

async function main(): Promise<void> {
  const mock = await startMockStatusServer({ scenario: "operational", port: 0 });
  const app = await startApp({ STATUS_PAGE_URL: mock.url, DATA_DIR: "test-results/bench-data" });
  try {
    for (const [label, path] of [
      ["/", "/"],
      ["/p (private link)", "/p"],
    ] as const) {
      const { kb, raw, scripts } = await firstLoad(app.base, path);
      const share =
        path === "/" ? ` (${((kb / BUDGET_KB) * 100).toFixed(0)}% of the ${BUDGET_KB} KB budget)` : "";
      console.log(
        `${label.padEnd(18)} ${kb.toFixed(1)} KB gzipped, ${raw.toFixed(0)} KB raw, ${scripts} scripts${share}`,
      );
    }
  } finally {
    await app.stop();
    await mock.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
