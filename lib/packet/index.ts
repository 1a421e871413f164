export { buildPacket, type PacketInput } from "./build";
export { packetFileName, renderPacketJson, renderPacketMarkdown } from "./render";
export { checklistSchema, packetSchema, type AuthKind, type Checklist, type Packet } from "./schema";
export {
  packetFromDiagnosis,
  packetFromPaste,
  packetFromPasteWithStatus,
  statusReadingFor,
  type PacketFromPaste,
  type PacketFromPasteOptions,
} from "./from-paste";
