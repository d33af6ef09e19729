import * as ExcelJS from "@cj-tech-master/excelts";

/** A workbook as text, for golden files: each sheet's merges, then each non-empty cell with its type, value and number format. */
export async function dumpWorkbook(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(`# ${ws.name}`);
    const merges = (ws.model as unknown as { mergeCells?: string[] }).mergeCells ?? [];
    lines.push(`merges ${[...merges].sort().join(" ")}`);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        const text =
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : typeof v === "object"
              ? JSON.stringify(v)
              : String(v);
        lines.push(
          `${cell.address}\t${typeof v === "object" && v instanceof Date ? "date" : typeof v}\t${text}\t${cell.numFmt ?? ""}`,
        );
      });
    });
  });
  return `${lines.join("\n")}\n`;
}
