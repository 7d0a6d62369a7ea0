// Jest's test sequencer with the lanes of lane-assignment.js in place of its hash split for
// --shard=<lane>/<lanes> (scripts/test.sh gives it); ordering within a lane stays Jest's own.
const { readFileSync } = require('node:fs');
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const { assignLanes, estimatedSeconds } = require('./lane-assignment');

class LaneSequencer extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    const byPath = new Map(tests.map((test) => [relative(test.context.config.rootDir, test.path), test]));
    const files = [...byPath.keys()].map((path) => ({ path, seconds: estimatedSeconds(path, readFileSync(byPath.get(path).path, 'utf8')) }));
    return assignLanes(files, shardCount)[shardIndex - 1].paths.map((path) => byPath.get(path));
  }
}

module.exports = LaneSequencer;
