/**
 * What a bench created outside this process (schemas, roles, a database, topics), undone in
 * reverse order when the bench ends, fails, or is interrupted (run-all wires SIGINT/SIGTERM).
 */
class CleanupStack {
  private readonly tasks: Array<{ label: string; task: () => Promise<void> }> = [];

  defer(label: string, task: () => Promise<void>): void {
    this.tasks.push({ label, task });
  }

  async runAll(): Promise<void> {
    for (let next = this.tasks.pop(); next; next = this.tasks.pop()) {
      try {
        await next.task();
      } catch (error) {
        process.stderr.write(`bench cleanup: ${next.label} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }
}

export const cleanup = new CleanupStack();
