import { describe, expect, it } from "vitest";
import { CLASSIFIER_VERSION } from "@/lib/classify/classify";
import packageJson from "../../../package.json";
import { GET } from "./route";

describe("GET /api/version", () => {
  it("answers the package's and the classifier's versions as JSON, never cached", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      classifierVersion: CLASSIFIER_VERSION,
      version: packageJson.version,
    });
  });

  it("names a non-empty version of each", async () => {
    const body = (await GET().json()) as { classifierVersion: string; version: string };
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.classifierVersion.length).toBeGreaterThan(0);
  });
});
