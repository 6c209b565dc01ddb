/**
 * A background loop for the server's workers (the mail worker, the follow-ups jobs): runs a
 * round, waits as long as the round asks (or until woken), and again, until stopped. A round that
 * throws is reported and the loop goes on; `stop()` lets the round in progress finish.
 */
export class PollLoop {
  private stopped = true;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | undefined;

  /**
   * @param round one round of work; answers how long to wait before the next (0: at once).
   * @param onError told of a round that failed; the next comes after `retryMs`.
   */
  constructor(
    private readonly round: () => Promise<number>,
    private readonly onError: (error: unknown) => void,
    private readonly retryMs: number,
  ) {}

  private isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Finishes the round in progress, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  /** Something is waiting: run the next round now rather than after the wait. */
  wake(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.isStopped()) {
      let waitMs: number;
      try {
        waitMs = await this.round();
      } catch (error) {
        this.onError(error);
        waitMs = this.retryMs;
      }
      if (waitMs > 0 && !this.isStopped()) {
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          this.timer = setTimeout(resolve, waitMs);
        });
        this.wakeUp = undefined;
      }
    }
  }
}
