import type { SdkBehaviour } from "@/lib/retry/schema";

/** The one-phrase judgement of a client's retries against the plan; "in line" only when the numbers agree. */
export function verdictOf(client: SdkBehaviour): { text: string; tone: "ok" | "warn" | "bad" } {
  if (client.retriesWhenItShouldNot) return { text: "retries when it should not", tone: "bad" };
  if (client.retriesTooEarly) return { text: "retries before retry-after", tone: "bad" };
  if (client.givesUpFirst) return { text: "gives up first", tone: "warn" };
  if (client.outlastsPlan) return { text: "keeps retrying past the plan", tone: "warn" };
  // Older stored reports lack the field; for them no raised flag is the only agreement there is.
  if (client.inLineWithPlan === false) return { text: "differs from the plan", tone: "warn" };
  return { text: "in line with the plan", tone: "ok" };
}
