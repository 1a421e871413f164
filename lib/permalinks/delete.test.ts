import { describe, expect, it } from "vitest";
import { bearerToken } from "./delete";

describe("bearerToken", () => {
  it("reads the token of a Bearer header, whatever the scheme's case", () => {
    expect(bearerToken("Bearer abc_DEF-123")).toBe("abc_DEF-123");
    expect(bearerToken("bearer  abc")).toBe("abc");
  });

  it("answers null for a missing header, another scheme, extra parts or an overlong value", () => {
    for (const header of [
      null,
      "",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      "Bearer a b",
      "Bearer a/b",
      `Bearer ${"a".repeat(300)}`,
    ])
      expect(bearerToken(header), String(header)).toBeNull();
  });
});
