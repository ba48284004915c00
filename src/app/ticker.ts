/**
 * One clock for every age and release timer on screen: all readers update in the same tick, so a
 * second passing costs one frame, not one per pane.
 */
export class Ticker {
  private value: number;
  private timer?: NodeJS.Timeout;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly read: () => number,
    private readonly everyMs = 1000,
  ) {
    this.value = read();
  }

  get = (): number => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    this.timer ??= setInterval(() => {
      this.value = this.read();
      for (const l of this.listeners) l();
    }, this.everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
