// Why a target is missed on this machine, from the profiles and trials behind each figure (README:
// Figures). Keyed by "case figure"; a target with no entry here that is missed is a regression to
// look into, and the table says so. Kept beside the bench so a changed figure changes its reason.

const RSS = [
  'the Node 20 binary alone is ~44 MB resident (its code and ICU data, file-backed), and loading the',
  '1.9 MB bundle brings `shipwatch --version` to ~88 MB before anything runs; the dashboard adds Yoga,',
  "React's fibers, the SDK clients and V8's heap headroom (live heap 35-56 MB, committed 1.5-2x).",
  'Tried: young-generation caps of 1, 2 and 4 MB (before patch 8 -10 to -30 MB idle but a higher',
  'flood peak from early promotion; after it 116-118 MB idle, no gain), Ink caches of 1,024 entries',
  'instead of 4,096 (no change under the flood); kept:',
  'Ink patch 8 (-41 MB idle). Under 110 MB needs a smaller runtime than Node + React + the AWS SDK',
].join(' ');

const REASONS = {
  'first-frame ratio': [
    'the floor here is above the target: `shipwatch --version` alone takes ~180 ms (Node starts in',
    '~50 ms; compiling and initialising the bundle is the rest), then moto answers DescribeServices',
    '(~150 ms) and the serving task definition that holds the image tag (a second round trip), while',
    'the first frame renders (~50 ms, overlapped with the wait since the request leaves first). A 0.6',
    "ratio against aws-cli v1's one call (~440 ms) means a frame within ~265 ms: less than loading",
    'the bundle takes',
  ].join(' '),
  'idle-moto cpuPct': [
    "one frame a second is by design (the header's T+mm:ss release clock) and costs ~3.8 ms of Ink",
    'layout and output for the whole tree, ~0.4 % of a core; the polling (FilterLogEvents every',
    'second, ECS every 5 s, alarms every 10 s) costs ~0.35 % in the SDK (signing, serialising,',
    'parsing) and ~0.3 % in garbage collection (a 30 s CPU profile of this case): polling alone',
    'is about the whole budget on this machine',
  ].join(' '),
  'idle-moto rssMB': RSS,
  'idle-demo rssMB': RSS,
  'bad-release rssMB': RSS,
  'small rssMB': RSS,
  'flood rssMB': `${RSS}; the flood also fills the 10,000-line buffer (--log-buffer)`,
  'long maxMB': `${RSS}; the long case is the flood`,
  'log-lag sustainedP95Ms': [
    'while lines arrive the logs are read every 750 ms (3/4 of intervals.logs), so a line waits up',
    'to 750 ms for the next poll plus the poll itself (moto answers a page of ~1,000 events in',
    '~50-100 ms): a p95 over 1 s means polls slower than that, e.g. a machine too busy to keep time',
  ].join(' '),
};

/** The recorded reason a figure misses its target here, or undefined (then a miss is a regression). */
export const whyMissed = (caseName, figureKey) => REASONS[`${caseName} ${figureKey}`];
