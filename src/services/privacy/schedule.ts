import { systemAuth } from '../../security/auth.js';
import type { ServiceContext } from '../context.js';
import { runRetention, type RetentionReport } from './retention.js';

export const DAY_MS = 86_400_000;

export interface RetentionSchedule {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
  /** The run in progress or the last one (tests await it). */
  current(): Promise<void>;
}

export interface RetentionScheduleOptions {
  /** Default one day. */
  intervalMs?: number;
  now?: () => Date;
  onReport?: (report: RetentionReport) => void;
  onError?: (error: unknown) => void;
}

/**
 * Runs retention now and then every `intervalMs`, as the system. The timer is unref'd (it never keeps the
 * process alive) and runs never overlap; `stop` ends it (the server calls it on close).
 */
export function scheduleRetention(
  ctx: Omit<ServiceContext, 'auth'>,
  options: RetentionScheduleOptions = {},
): RetentionSchedule {
  const services: ServiceContext = { ...ctx, auth: systemAuth('retention schedule') };
  const interval = options.intervalMs ?? DAY_MS;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const run = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const report = await runRetention(services, { now: options.now?.() });
        options.onReport?.(report);
      } catch (error) {
        options.onError?.(error);
      }
    });
    return running;
  };
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().then(next), interval);
    timer.unref();
  };
  void run().then(next);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    current: () => running,
  };
}
