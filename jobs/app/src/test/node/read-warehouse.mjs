// Reads the pipeline's warehouse with the DuckDB Node client (@duckdb/node-api, a DuckDB 1.x release), read-only,
// the way an analyst's script does: a record table, metric_values and a table comment.
//
//   node read-warehouse.mjs WAREHOUSE_FILE
//
// It keeps one session open from the start (an analyst's notebook left open) and, every round, also opens the file
// afresh (a new script). Each round prints one JSON line: {round, phase, refreshing, client, fresh, held} or
// {..., error}. Lines on stdin steer it: "phase NAME" labels the next rounds, "stop" (or end of input) ends it.
// "refreshing" says whether a refresh was writing its new file beside the warehouse when the round began.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance, version } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read-warehouse.mjs WAREHOUSE_FILE');
  process.exit(2);
}
const next = join(dirname(file), '.warehouse.duckdb.next');

const QUERIES = {
  // a record table: the lake's committed records, copied into the warehouse
  inspection: 'SELECT count(*) AS records, count(DISTINCT unit_code) AS units FROM inspection',
  // the seed-004 figures of the whole bloc (the unit without a parent), merged units under their successor
  metrics: `SELECT metric_id, period_id, value FROM metric_values
            WHERE unit_code = (SELECT code FROM units WHERE parent_code IS NULL) AND basis = 'SUCCESSOR'
              AND period_id IN ('2013-H1', '2014-H1')
              AND metric_id IN ('inspection.orgs', 'inspection.members', 'supervision.orgs', 'supervision.members', 'complaint.received')
            ORDER BY metric_id, period_id`,
  // the documentation the warehouse carries
  comment: "SELECT comment FROM duckdb_tables() WHERE table_name = 'metric_values'",
};

async function read(connection) {
  const out = {};
  for (const [name, sql] of Object.entries(QUERIES)) {
    const reader = await connection.runAndReadAll(sql);
    out[name] = reader.getRowObjectsJson();
  }
  return out;
}

let phase = 'before';
let stop = false;
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() === 'stop') {
    stop = true;
  } else if (line.startsWith('phase ')) {
    phase = line.slice('phase '.length).trim();
  }
});
input.on('close', () => {
  stop = true;
});

const heldInstance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
const held = await heldInstance.connect();
for (let round = 0; !stop; round++) {
  const result = { round, phase, refreshing: existsSync(next), client: version() };
  try {
    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      result.fresh = await read(connection);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    result.held = await read(held);
  } catch (e) {
    result.error = String(e && e.message ? e.message : e);
  }
  console.log(JSON.stringify(result));
  await new Promise((resolve) => setTimeout(resolve, 20));
}
held.closeSync();
heldInstance.closeSync();
