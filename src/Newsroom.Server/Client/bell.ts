import { LiveConnection } from "./live/live-connection";
import { wireBell } from "./notifications/bell";

// Every signed-in page but the inbox (whose own script keeps the bell) loads this for the header's bell.
const live = new LiveConnection("/hubs/staff");
wireBell(live);
void live.start();
