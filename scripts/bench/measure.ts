// Runs a command and reports its wall time and peak resident memory (VmHWM from /proc, polled),
// so the engine, tshark and a raw read are measured the same way.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Measurement { seconds: number; peakRssMb: number | null; code: number | null; stdout: string }

function peakRssKb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function measure(cmd: string, args: string[]): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let peak: number | null = null;
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setInterval(() => {
      const kb = child.pid ? peakRssKb(child.pid) : null;
      if (kb !== null) peak = Math.max(peak ?? 0, kb);
    }, 20);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      // The engine run reports its own exact peak (process.resourceUsage) on stdout; prefer it.
      const own = /maxRssKb=(\d+)/.exec(stdout);
      const kb = own ? Number(own[1]) : peak;
      resolve({ seconds, peakRssMb: kb === null ? null : kb / 1024, code, stdout });
    });
  });
}
