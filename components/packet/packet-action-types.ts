/** One kind of removed content, with the spans of its placeholders in the redacted text. */
export type PacketFinding = {
  kind: string;
  label: string;
  count: number;
  spans: Array<{ start: number; end: number }>;
};

/** What the packet panel sends: the paste it was shown and the user's additions. */
export type PacketRequestInput = {
  text: string;
  impact: string;
  checklist: {
    statusChecked: boolean;
    samePathRetried: boolean;
    networkChecked: boolean;
    otherModelTried: boolean;
  };
  hidePrompt: boolean;
  occurredAt: string | null;
};

/** The packet action's answer: redacted content only, never the paste. */
export type PacketResult =
  | {
      status: "ok";
      markdown: string;
      json: string;
      fileNames: { md: string; json: string };
      redacted: { text: string; findings: PacketFinding[] };
    }
  | { status: "error"; message: string };

/** The server action the packet panel calls. */
export type PacketAction = (input: PacketRequestInput) => Promise<PacketResult>;
