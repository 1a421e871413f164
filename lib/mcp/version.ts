import { version } from "../../package.json";

/** The package's version, reported to MCP clients as the server's. */
export const VERSION: string = version;
