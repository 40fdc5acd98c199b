/**
 * The speakers cell of a CSV programme: `Name (Role, Organisation)` entries separated by `;` or
 * line breaks. Not by "and" or ",": "Procter and Gamble" and "Doe, Jane" must stay whole.
 * Inside the parentheses one value is the organisation ("Jane Doe (Acme)", as programmes
 * usually write it); with two or more, the first is the role and the rest the organisation.
 */
export type CsvSpeaker = { name: string; role: string; organisation: string };

function splitOutsideParentheses(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of cell) {
    if (character === '(') depth += 1;
    if (character === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (character === ';' || character === '\n')) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function speakerOf(entry: string): CsvSpeaker {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(entry);
  if (!match) return { name: entry, role: '', organisation: '' };
  const details = match[2].split(',').map((part) => part.trim());
  if (details.length === 1) return { name: match[1], role: '', organisation: details[0] };
  return { name: match[1], role: details[0], organisation: details.slice(1).join(', ') };
}

export function parseCsvSpeakers(cell: string): CsvSpeaker[] {
  return splitOutsideParentheses(cell.replace(/\r\n?/g, '\n')).map(speakerOf).filter((speaker) => speaker.name);
}
