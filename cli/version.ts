export { VERSION } from "../lib/mcp/version";
