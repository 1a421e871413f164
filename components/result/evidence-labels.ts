import type { Actor, Route, Surface } from "@/lib/diagnosis";

export const SURFACE_LABELS = {
  "sdk-python": "Python SDK",
  "sdk-typescript": "TypeScript SDK",
  "claude-code": "Claude Code",
  curl: "curl / raw HTTP",
  browser: "Browser",
  "sdk-go": "Go SDK",
  "sdk-java": "Java SDK",
  "sdk-ruby": "Ruby SDK",
  "sdk-csharp": "C# SDK",
  "sdk-rust": "Rust client",
  unknown: "Unknown",
} as const satisfies Record<Surface, string>;

export const ROUTE_LABELS = {
  anthropic: "Anthropic API (direct)",
  bedrock: "Amazon Bedrock",
  vertex: "Google Vertex AI",
  openrouter: "OpenRouter",
  litellm: "LiteLLM",
  "other-gateway": "Other gateway or proxy",
  unknown: "Unknown",
} as const satisfies Record<Route, string>;

export const ACTOR_LABELS = {
  anthropic: "Anthropic",
  "your-account": "Your account admin",
  "your-request": "Your request code",
  "your-network": "Your network",
  gateway: "Your gateway or cloud provider",
  you: "You",
} as const satisfies Record<Actor, string>;

/** "1.5 s", "2 min 5 s": how long a retry-after asks to wait. */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
