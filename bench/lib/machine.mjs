// The machine the figures were measured on, and how busy it was at the start and the end.
import { readFileSync } from 'node:fs';
import os from 'node:os';

function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

export function machineAtStart() {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadavgStart: load(),
    loadavgEnd: null,
  };
}

export function finishMachine(m) {
  m.loadavgEnd = load();
  return m;
}

export const machineText = (m) =>
  [
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}`,
    `load average (1/5/15 min): start ${m.loadavgStart.join(' ')}${m.loadavgEnd ? `, end ${m.loadavgEnd.join(' ')}` : ''}`,
  ].join('\n');
