// Stands in for a browser with a draft open: opens the draft over the staff hub's WebSocket, types into its
// body, prints "typed" once the server has stored that, and stays connected until the server closes the socket.
// Usage: node .ci/open-draft.mjs <base url> <cookie header> <draft id>
import WebSocket from "ws";

const [base, cookie, draftId] = process.argv.slice(2);
const separator = "\x1e";
const negotiate = await fetch(`${base}/hubs/staff/negotiate?negotiateVersion=1`, { method: "POST", headers: { Cookie: cookie } });
if (!negotiate.ok) {
  throw new Error(`negotiate answered ${negotiate.status}`);
}
const { connectionToken } = await negotiate.json();
const socket = new WebSocket(`${base.replace(/^http/, "ws")}/hubs/staff?id=${connectionToken}`, { headers: { Cookie: cookie } });
const calls = new Map();
let nextId = 1;

function invoke(target, ...args) {
  const invocationId = String(nextId++);
  socket.send(JSON.stringify({ type: 1, invocationId, target, arguments: args }) + separator);
  return new Promise((resolve, reject) => calls.set(invocationId, { resolve, reject }));
}

socket.on("message", (data) => {
  for (const frame of data.toString().split(separator).filter((f) => f)) {
    const message = JSON.parse(frame);
    const call = message.type === 3 ? calls.get(message.invocationId) : undefined;
    if (call) {
      message.error ? call.reject(new Error(message.error)) : call.resolve(message.result);
    }
  }
});
socket.on("close", () => {
  console.log("closed by the server");
  process.exit(0);
});

await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
socket.send(JSON.stringify({ protocol: "json", version: 1 }) + separator);
const view = await invoke("OpenDraft", draftId);
await invoke("PushUpdates", draftId, "body", view.fields.body.version, [{ clientId: "smoke-1", changes: [[0, "Typed before Ctrl+C."]] }]);
console.log("typed");
