/** Prints one case's figures as a small table, so a run shows what it injected and found. */
export function printFigures(title: string, figures: Record<string, number | string>): void {
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  const lines = Object.entries(figures).map(
    ([key, value]) =>
      `  ${key.padEnd(width)}  ${typeof value === 'number' ? value.toLocaleString('en') : value}`,
  );
  console.info(`${title}\n${lines.join('\n')}`);
}
