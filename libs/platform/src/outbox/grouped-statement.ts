/**
 * Runs one statement for many callers, group-commit style: the calls made while the previous
 * statement was in flight (or in the same turn of the event loop) go together in the next one. An
 * idle caller waits for nothing but the next turn; under a burst the groups grow by themselves,
 * without a timer. Each caller gets its own answer, or the statement's error.
 */
export class GroupedStatement<In, Out> {
  private queue: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = false;
  private scheduled = false;

  constructor(
    /** One answer per input, in the order of the inputs. */
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxGroup = 200,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled || !this.queue.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight || !this.queue.length) return;
    this.inFlight = true;
    const group = this.queue.splice(0, this.maxGroup);
    try {
      const outs = await this.run(group.map((g) => g.input));
      group.forEach((g, i) => g.resolve(outs[i]));
    } catch (error) {
      for (const g of group) g.reject(error);
    } finally {
      this.inFlight = false;
      this.schedule();
    }
  }
}
