import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment parsing", () => {
  it("defaults to the embedded store under ./data and the public status page", () => {
    expect(parseEnv({})).toMatchObject({
      DATA_DIR: "./data",
      DATABASE_URL: undefined,
      status: { baseUrl: "https://status.claude.com" },
    });
  });
  it("takes a PostgreSQL URL and treats a blank one as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@h:5432/db" }).DATABASE_URL).toBe("postgres://u@h:5432/db");
    expect(parseEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
  });
  it("fails with a message naming the bad variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ STATUS_PAGE_URL: "not a url" })).toThrow(/STATUS_PAGE_URL/);
  });
});
