import type { Route } from "../diagnosis";
import type { StatusPageLink } from "./schema";

/** The Claude status page, when the reading does not say which page it came from. */
export const CLAUDE_STATUS_PAGE_URL = "https://status.claude.com";

const PLATFORM_PAGES: Partial<Record<Route, { name: string; url: string }>> = {
  bedrock: { name: "AWS Health Dashboard", url: "https://health.aws.amazon.com/health/status" },
  vertex: { name: "Google Cloud Service Health", url: "https://status.cloud.google.com/" },
  openrouter: { name: "OpenRouter status", url: "https://status.openrouter.ai/" },
};

/** The platform or gateway that carried the request, in words; null for Anthropic's API or an unknown path. */
export function routeName(route: Route): string | null {
  switch (route) {
    case "bedrock":
      return "Amazon Bedrock";
    case "vertex":
      return "Google Vertex AI";
    case "openrouter":
      return "OpenRouter";
    case "litellm":
      return "your LiteLLM proxy";
    case "other-gateway":
      return "the gateway";
    default:
      return null;
  }
}

/** True when the request reached Claude through a cloud platform whose own status page answers for it. */
export function isPlatformRoute(route: Route): boolean {
  return route === "bedrock" || route === "vertex";
}

/** True when a gateway or proxy stood between the client and the model. */
export function isGatewayRoute(route: Route): boolean {
  return route === "openrouter" || route === "litellm" || route === "other-gateway";
}

/**
 * The pages worth opening for this route: the platform's own (AWS Health, Google Cloud) or the gateway's
 * as primary with Anthropic's as context; Anthropic's alone for the direct API. LiteLLM is self-hosted and
 * has no public page.
 */
export function statusPagesFor(route: Route, anthropicUrl: string): StatusPageLink[] {
  const anthropic = { name: "Claude status", url: anthropicUrl };
  const own = PLATFORM_PAGES[route];
  if (own !== undefined && isPlatformRoute(route)) {
    return [
      { ...own, role: "primary" },
      { ...anthropic, role: "context" },
    ];
  }
  if (own !== undefined) {
    return [
      { ...anthropic, role: "primary" },
      { ...own, role: "primary" },
    ];
  }
  return [{ ...anthropic, role: "primary" }];
}
