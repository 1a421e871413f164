import { main } from "./main";

// The bundle's entry point (scripts/build-cli.mjs): runs the command line in this process.
await main();
