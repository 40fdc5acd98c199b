export type TableColumn<Row> = {
  header: string;
  value: (row: Row) => string | number;
  align?: 'left' | 'right';
  /** Longer cells are cut with "…" so one long title does not push every other column away. */
  maxWidth?: number;
};

/** Renders rows as an aligned plain-text table with a header line. */
export function formatTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row), column.maxWidth)));
  const widths = columns.map((column, index) => Math.max(width(column.header), ...cells.map((line) => width(line[index]))));
  const render = (line: string[]) =>
    line
      .map((cell, index) => {
        const padding = ' '.repeat(widths[index] - width(cell));
        return columns[index].align === 'right' ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd();
  return [render(columns.map((column) => column.header)), ...cells.map(render)].join('\n');
}

function cellText(value: string | number, maxWidth: number | undefined): string {
  // Control characters in a title (a newline, a terminal escape) would break the table or the terminal.
  const text = String(value).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  if (maxWidth === undefined || width(text) <= maxWidth) return text;
  return `${[...text].slice(0, maxWidth - 1).join('')}…`;
}

function width(text: string): number {
  return [...text].length;
}
