import type { ExchangeReport } from '../../../shared/model/team';
import { describeExchangeReport } from '../../../shared/model/teamReport';

/** What a bundle or a sync brought in (or would), one line per kind of change. */
export function ExchangeReportList({ report, label }: { report: ExchangeReport; label: string }) {
  return (
    <ul className="exchange-report" aria-label={label}>
      {describeExchangeReport(report).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
