// Conformance cases for Newsroom's C# port of @codemirror/state's ChangeSet algebra and the
// server's rebase of late pushes, computed by the installed npm packages (the oracle).
//
//   node generate-oracle.mjs --seed <uint32> --count <n> --out <file.jsonl> [--only <index>]
//
// Writes one JSON object per line: `count` primary cases ("set", "pair", "scenario"), plus one
// "rebase" line per stale push inside the scenarios. Case i draws from its own seed, derived from
// the master seed and i and recorded in the case, so `--only i` regenerates exactly that case.
// Prints a one-line JSON summary on stdout.

import { createRequire } from "node:module";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot() {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "Newsroom.sln"))) return dir;
    if (dirname(dir) === dir) throw new Error("Newsroom.sln not found above " + fileURLToPath(import.meta.url));
  }
}

// Resolve through the repository's package.json so the packages come from its node_modules,
// whatever the working directory, and collab shares the one @codemirror/state instance.
const require = createRequire(join(findRepoRoot(), "package.json"));
const { ChangeSet, ChangeDesc, Text, EditorState } = require("@codemirror/state");
const { collab, receiveUpdates, sendableUpdates, rebaseUpdates, getSyncedVersion } = require("@codemirror/collab");

function parseArgs(argv) {
  const args = { seed: 1, count: 100, out: null, only: null };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, ""), value = argv[i + 1];
    if (!(name in args) || value === undefined) throw new Error(`Unknown or incomplete argument ${argv[i]}`);
    args[name] = name === "out" ? value : Number(value);
  }
  if (!args.out) throw new Error("--out <file> is required");
  if (!Number.isInteger(args.seed) || !Number.isInteger(args.count)) throw new Error("--seed and --count must be integers");
  return args;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseSeed(master, index) {
  let h = (master ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Random {
  constructor(seed) { this.next = mulberry32(seed); }
  int(n) { return Math.floor(this.next() * n); }
  chance(p) { return this.next() < p; }
  pick(items) { return items[this.int(items.length)]; }
}

// Tokens cover escapes JSON.stringify must write (quote, backslash, controls), non-ASCII, a
// surrogate pair and line breaks. Documents use "\n" only, as editors store them.
const plain = [..."abcdefghijklmnopqrstuvwxyz      .,!?0123456789"];
const special = ["\n", "\n", "é", "中", "😀", "\t", "\"", "\\", "\u0001", "\b\f\u007f", "\u2028"];

function randomText(rng, length, extra = []) {
  let text = "";
  while (text.length < length) {
    const roll = rng.int(10);
    text += roll < 7 ? rng.pick(plain) : roll < 9 || !extra.length ? rng.pick(special) : rng.pick(extra);
  }
  return text;
}

function randomDoc(rng, scale) {
  const roll = rng.int(100);
  const long = scale >= 1 && roll >= 98;
  const length = roll < 5 ? 0 : roll < 70 ? rng.int(24) + 1 : !long ? Math.floor(rng.int(200) * scale) + 20 : rng.int(4000) + 2000;
  return randomText(rng, length);
}

// Positions the specs use. Normally whole code points, so all strings stay well-formed UTF-16;
// a few cases also cut surrogate pairs, which codemirror allows and JSON carries as \udxxx.
function positions(doc, splitSurrogates) {
  const result = [];
  for (let i = 0; i <= doc.length; i++) {
    const cuts = i > 0 && i < doc.length && /[\ud800-\udbff]/.test(doc[i - 1]) && /[\udc00-\udfff]/.test(doc[i]);
    if (!cuts) result.push(i);
    // Listed several times, so that split cases really do split pairs.
    else if (splitSurrogates) result.push(i, i, i, i);
  }
  return result;
}

function randomInsert(rng, options) {
  const roll = rng.int(20);
  if (roll === 0) return "";
  const length = roll < 16 ? rng.int(4) + 1 : roll < 19 ? rng.int(30) + 1 : rng.int(400) + 1;
  if (options.lineSep === undefined) return randomText(rng, length, ["\r\n", "\r"]);
  // With a custom separator codemirror keeps "\n" inside a line, which a "\n"-joined string
  // cannot represent; inserts then only break lines with the separator itself.
  let text = randomText(rng, length, [options.lineSep]);
  if (options.lineSep !== "\n") text = text.replaceAll("\n", "");
  return text;
}

function randomSpec(rng, doc, points, options, previous) {
  // `points` is sorted, possibly with repeats; ranges are taken between two of its entries.
  let fromIndex = rng.int(points.length);
  const bias = rng.int(10);
  if (bias === 0) fromIndex = 0;
  else if (bias === 1) fromIndex = points.length - 1;
  else if (bias === 2 && previous.length) fromIndex = Math.max(0, points.indexOf(rng.pick(previous).from));
  const spec = { from: points[fromIndex] };
  const kind = rng.int(10);
  if (kind >= 3) {
    // Mostly short ranges; sometimes one that spans other changes.
    const span = rng.chance(0.15) ? points.length : 6;
    spec.to = points[Math.min(points.length - 1, fromIndex + rng.int(span))];
  }
  if (kind < 3 || kind >= 6 || rng.chance(0.1)) spec.insert = randomInsert(rng, options);
  return spec;
}

function randomSpecs(rng, doc, options, maxCount = 6) {
  const points = positions(doc, options.splitSurrogates);
  const count = rng.chance(0.08) ? 0 : rng.chance(0.1) ? rng.int(12) + 1 : rng.int(maxCount) + 1;
  const specs = [];
  for (let i = 0; i < count; i++) specs.push(randomSpec(rng, doc, points, options, specs));
  if (rng.chance(0.5)) specs.sort((x, y) => x.from - y.from);
  return specs;
}

const toText = doc => Text.of(doc.split("\n"));
const json = value => JSON.stringify(value.toJSON());

function makeSet(rng, doc, options) {
  const specs = randomSpecs(rng, doc, options);
  const set = ChangeSet.of(specs, doc.length, options.lineSep);
  return { specs, set };
}

function mapPosTable(rng, desc) {
  const length = desc.length, points = new Set([0, length]);
  if (length <= 64) for (let i = 0; i <= length; i++) points.add(i);
  else {
    desc.iterChangedRanges((fromA, toA) => [fromA - 1, fromA, fromA + 1, toA - 1, toA, toA + 1].forEach(p => points.add(p)), true);
    for (let i = 0; i < 40; i++) points.add(rng.int(length + 1));
  }
  const positionsList = [...points].filter(p => p >= 0 && p <= length).sort((x, y) => x - y);
  const results = positionsList.map(pos => [-1, 1].flatMap(assoc => [0, 1, 2, 3].map(mode => desc.mapPos(pos, assoc, mode))));
  return { positions: positionsList, results };
}

function touchesTable(rng, desc) {
  const table = [];
  for (let i = 0; i < 12; i++) {
    const from = rng.int(desc.length + 1);
    if (rng.chance(0.3)) table.push([from, null, desc.touchesRange(from)]);
    else {
      const to = from + rng.int(desc.length - from + 1);
      table.push([from, to, desc.touchesRange(from, to)]);
    }
  }
  return table;
}

function iterTable(set, individual) {
  const changes = [], ranges = [];
  set.iterChanges((fromA, toA, fromB, toB, text) => changes.push([fromA, toA, fromB, toB, text.toString()]), individual);
  set.iterChangedRanges((fromA, toA, fromB, toB) => ranges.push([fromA, toA, fromB, toB]), individual);
  return { changes, ranges };
}

function setCase(rng, base) {
  const splitSurrogates = rng.chance(0.05);
  const lineSep = rng.chance(0.1) ? rng.pick(["\r\n", "|", "\n"]) : undefined;
  const doc = randomDoc(rng, 1), options = { splitSurrogates, lineSep };
  const { specs, set } = makeSet(rng, doc, options);
  const applied = set.apply(toText(doc)).toString();
  const inverted = set.invert(toText(doc));
  const gaps = [];
  set.iterGaps((posA, posB, length) => gaps.push([posA, posB, length]));
  return {
    ...base, kind: "set", doc, specs, lineSep: lineSep ?? null,
    json: json(set), desc: set.toString(), descJson: json(set.desc),
    length: set.length, newLength: set.newLength, empty: set.empty,
    apply: applied, invert: json(inverted), invertApply: inverted.apply(toText(applied)).toString(),
    invertedDesc: set.invertedDesc.toString(),
    roundTrip: json(ChangeSet.fromJSON(JSON.parse(json(set)))),
    descRoundTrip: ChangeDesc.fromJSON(JSON.parse(json(set.desc))).toString(),
    mapPos: mapPosTable(rng, set.desc), touches: touchesTable(rng, set.desc),
    iter: iterTable(set, false), iterIndividual: iterTable(set, true), gaps,
  };
}

function pairCase(rng, base) {
  const options = { splitSurrogates: rng.chance(0.05) };
  const doc = randomDoc(rng, 1);
  const a = makeSet(rng, doc, options);
  const docA = a.set.apply(toText(doc)).toString();
  const b = makeSet(rng, docA, options);
  const c = makeSet(rng, doc, options);
  const A = a.set, B = b.set, C = c.set;
  const entry = ({ specs, set }) => ({ specs, json: json(set) });
  return {
    ...base, kind: "pair", doc, a: entry(a), b: entry(b), c: entry(c),
    compose: json(A.compose(B)), composeDesc: A.desc.composeDesc(B.desc).toString(),
    composeApply: A.compose(B).apply(toText(doc)).toString(),
    mapAC: json(A.map(C)), mapACBefore: json(A.map(C, true)),
    mapCA: json(C.map(A)), mapCABefore: json(C.map(A, true)),
    mapDescAC: A.desc.mapDesc(C.desc).toString(), mapDescACBefore: A.desc.mapDesc(C.desc, true).toString(),
    setMapDescAC: json(A.mapDesc(C.desc)), setMapDescACBefore: json(A.mapDesc(C.desc, true)),
    convergeAC: A.compose(C.map(A)).apply(toText(doc)).toString(),
    convergeCA: C.compose(A.map(C, true)).apply(toText(doc)).toString(),
  };
}

const wireUpdate = update => ({ clientID: update.clientID, changes: json(update.changes) });

// The draft grain's rebase (SequentialRebase in Newsroom.Core): over one accepted update at a time,
// each step collab's own rebaseUpdates, which is what an editor does that receives updates one at a
// time. Composing `over` first, as one rebaseUpdates call does, can order an insertion differently.
function rebaseSequentially(updates, over) {
  for (const update of over) {
    if (updates.length === 0) break;
    updates = rebaseUpdates(updates, [update]);
  }
  return updates;
}

// Mirrors codemirror's test-rebasing-collab.ts harness: an in-memory authority, real editor
// states with the collab extension, and random type/send/receive events, with the authority and
// the editors stepping one update at a time as the draft grain and the browsers do. A send from a
// client that has not received its own confirmation resends updates that are already in the log.
// Each stale push is also recorded as a "rebase" line with what the authority appended.
function scenarioCase(rng, base, rebaseLines) {
  const startDoc = randomDoc(rng, 0.3), clients = ["a", "b", "c", "d"].slice(0, 2 + rng.int(3));
  const peers = {}, log = [], events = [];
  let serverDoc = toText(startDoc);
  for (const id of clients) peers[id] = EditorState.create({ doc: startDoc, extensions: [collab({ clientID: id, startVersion: 0 })] });

  function send(id) {
    const version = getSyncedVersion(peers[id]), sendable = sendableUpdates(peers[id]);
    let appended = sendable;
    if (version !== log.length) {
      const over = log.slice(version);
      appended = rebaseSequentially(sendable, over);
      rebaseLines.push({
        ...base, kind: "rebase", scenarioIndex: base.index, version,
        updates: sendable.map(wireUpdate), over: over.map(wireUpdate), result: appended.map(wireUpdate),
      });
    }
    for (const update of appended) {
      log.push(update);
      serverDoc = update.changes.apply(serverDoc);
    }
    events.push({ type: "send", client: id, version, appended: appended.map(wireUpdate) });
  }

  function receive(id) {
    const version = getSyncedVersion(peers[id]);
    for (const update of log.slice(version)) peers[id] = receiveUpdates(peers[id], [update]).state;
    events.push({ type: "receive", client: id, doc: peers[id].doc.toString() });
  }

  const count = 6 + rng.int(30);
  for (let i = 0; i < count; i++) {
    const id = rng.pick(clients), roll = rng.int(10);
    if (roll < 5) {
      const doc = peers[id].doc.toString();
      const specs = randomSpecs(rng, doc, { splitSurrogates: false }, 3);
      peers[id] = peers[id].update({ changes: specs }).state;
      events.push({ type: "type", client: id, specs, doc: peers[id].doc.toString() });
    } else if (roll < 8) send(id);
    else receive(id);
  }
  for (const id of clients) send(id);
  for (const id of clients) receive(id);
  for (const id of clients) {
    if (peers[id].doc.toString() !== serverDoc.toString()) throw new Error(`Scenario ${base.index}: client ${id} did not converge`);
  }
  return { ...base, kind: "scenario", startDoc, clients, events, log: log.map(wireUpdate), serverDoc: serverDoc.toString() };
}

function generate(masterSeed, index, rebaseLines) {
  const seed = caseSeed(masterSeed, index), rng = new Random(seed);
  const base = { masterSeed, index, seed };
  const roll = rng.int(100);
  return roll < 45 ? setCase(rng, base) : roll < 85 ? pairCase(rng, base) : scenarioCase(rng, base, rebaseLines);
}

const args = parseArgs(process.argv.slice(2));
const started = Date.now();
const lines = [];
const indexes = args.only === null ? Array.from({ length: args.count }, (_, i) => i) : [args.only];
for (const index of indexes) {
  const rebaseLines = [];
  lines.push(JSON.stringify(generate(args.seed >>> 0, index, rebaseLines)));
  for (const line of rebaseLines) lines.push(JSON.stringify(line));
}
writeFileSync(args.out, lines.join("\n") + "\n");
console.log(JSON.stringify({ seed: args.seed >>> 0, primaryCases: indexes.length, lines: lines.length, ms: Date.now() - started }));
