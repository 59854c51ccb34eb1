import { qrRuns } from "../src/lib/qrRuns";

/**
 * A QR code drawn as an HTML table, for emails: no image to attach or fetch (attachments
 * make some clients show a blank message, and remote images are blocked by default). The
 * column widths come from the first row (fixed layout), the heights from each row.
 */
export function QrTable({ text, module = 5, label }: { text: string; module?: number; label: string }) {
  const { size, rows } = qrRuns(text);
  const width = size * module;
  return (
    <table
      role="img"
      aria-label={label}
      cellpadding="0"
      cellspacing="0"
      border={0}
      width={width}
      style={`border-collapse:collapse;table-layout:fixed;width:${width}px;background:#ffffff;font-size:0;line-height:0;margin:8px 0`}
    >
      {rows.map((runs) => (
        <tr style={`height:${module}px`}>
          {runs.map(([dark, n]) => (
            <td colspan={n > 1 ? n : undefined} bgcolor={dark ? "#000000" : undefined}></td>
          ))}
        </tr>
      ))}
    </table>
  );
}
