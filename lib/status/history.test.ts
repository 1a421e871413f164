import { createMemoryIncidentHistory } from "./history";
import { describeIncidentHistoryContract } from "./testing/history-contract";

describeIncidentHistoryContract("memory", async () => createMemoryIncidentHistory());
