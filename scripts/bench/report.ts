import type { Row, Unit } from './measure';

const HEADINGS = ['Measure', 'Case', 'n', 'median', 'p95', 'baseline', 'base median', 'base p95', 'ratio median', 'ratio p95', 'target', 'verdict'];
const NUMERIC_COLUMNS = new Set(['n', 'median', 'p95', 'base median', 'base p95', 'ratio median', 'ratio p95']);

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case 'bytes':
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MB` : `${(value / 1024).toFixed(1)} kB`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
  }
}

export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)}×`;
}

export function verdict(row: Row): string {
  if (!row.target) return '';
  return row.target.met ? 'met' : 'MISSED';
}

function cells(row: Row): string[] {
  if (!row.result) return [row.measure, row.label, '', 'n/a', '', '', '', '', '', '', '', ''];
  return [
    row.measure,
    row.label,
    String(row.result.count),
    formatValue(row.result.median, row.unit),
    row.result.count > 1 ? formatValue(row.result.p95, row.unit) : '',
    row.baseline?.label ?? '',
    row.baseline ? formatValue(row.baseline.summary.median, row.unit) : '',
    row.baseline && row.baseline.summary.count > 1 ? formatValue(row.baseline.summary.p95, row.unit) : '',
    formatRatio(row.ratio?.median),
    formatRatio(row.ratio?.p95),
    row.target?.text ?? '',
    verdict(row),
  ];
}

/** Notes that belong under the table: what a row carries, and why a row has no figures. */
function notes(rows: Row[]): string[] {
  return rows.filter((row) => row.note || !row.result).map((row) => `${row.measure}, ${row.label}: ${row.note ?? 'not available'}`);
}

export function consoleTable(rows: Row[]): string {
  const table = [HEADINGS, ...rows.map(cells)];
  const widths = HEADINGS.map((_, column) => Math.max(...table.map((line) => line[column].length)));
  const lines = table.map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return [...lines, '', ...notes(rows).map((note) => `* ${note}`)].join('\n');
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
  const lines = [
    `| ${HEADINGS.join(' | ')} |`,
    `|${HEADINGS.map((heading) => (NUMERIC_COLUMNS.has(heading) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map((cell) => (cell === 'MISSED' ? '**MISSED**' : escapeCell(cell))).join(' | ')} |`),
  ];
  const rowNotes = notes(rows);
  return rowNotes.length > 0 ? `${lines.join('\n')}\n\n${rowNotes.map((note) => `- ${note}`).join('\n')}` : lines.join('\n');
}

/** One line per missed target, in words. */
export function missedTargets(rows: Row[]): string[] {
  return rows
    .filter((row) => row.result && row.target && !row.target.met)
    .map((row) => {
      const figures = row.ratio
        ? `median ${formatValue(row.result!.median, row.unit)} (${formatRatio(row.ratio.median)}), p95 ${formatValue(row.result!.p95, row.unit)} (${formatRatio(row.ratio.p95)})`
        : `median ${formatValue(row.result!.median, row.unit)}, p95 ${formatValue(row.result!.p95, row.unit)}`;
      return `${row.measure}, ${row.label}: MISSED — target ${row.target!.text}; measured ${figures}`;
    });
}
