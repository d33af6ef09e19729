import { formatFenAsYuan } from "../../shared/money.js";
import { townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 资金超支 ("确保产业扶贫资金安全"): a fund of the year whose recorded uses and household subsidies paid
 * from it exceed its allocation. The ledger records the overspending; this finding judges it.
 * Severity critical: money was spent that was never allocated.
 */
export const fundOverspent: FindingDetector = {
  code: "FUNDS.OVERSPENT",
  severity: "critical",
  subjectType: "fund",
  detect(ctx) {
    const spent = new Map<string, { fen: number; ids: string[] }>();
    const add = (fundId: string, id: string, fen: number) => {
      const s = spent.get(fundId) ?? { fen: 0, ids: [] };
      s.fen += fen;
      s.ids.push(id);
      spent.set(fundId, s);
    };
    for (const u of ctx.ledger.fundUses) add(u.fundId, u.id, u.amountFen);
    for (const s of ctx.ledger.subsidies) if (s.fundId !== null) add(s.fundId, s.id, s.amountFen);
    const findings: Finding[] = [];
    for (const f of ctx.ledger.funds) {
      const s = spent.get(f.id);
      if (f.year !== ctx.year || !s || s.fen <= f.allocatedFen) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(f.regionCode),
          subjectId: f.id,
          evidence: [f.id],
          zh: `资金「${f.name}」下达${formatFenAsYuan(f.allocatedFen)}元，已使用${formatFenAsYuan(s.fen)}元，超支${formatFenAsYuan(s.fen - f.allocatedFen)}元`,
          en: `Fund "${f.name}" (${f.id}) was allocated ${formatFenAsYuan(f.allocatedFen)} yuan and spent ${formatFenAsYuan(s.fen)} yuan, ${formatFenAsYuan(s.fen - f.allocatedFen)} over`,
        }),
      );
    }
    return findings;
  },
};
