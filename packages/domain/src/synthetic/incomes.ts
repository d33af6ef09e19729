import type { Income } from "../households/income.js";
import type { Linkage, LinkageYear } from "../linkage/linkage.js";

/**
 * Raises each household's recorded income of a year to at least what its linkages paid it that year
 * by kind (wages ≥ employment pay; property ≥ dividends and rent), so that the clean county keeps
 * report rule R5; an income below them is a planted inconsistency, never the generator's accident.
 */
export function fitIncomesToLinkages(
  incomes: readonly Income[],
  linkages: readonly Linkage[],
  linkageYears: readonly LinkageYear[],
): Income[] {
  const householdOf = new Map(linkages.map((l) => [l.id, l.householdId]));
  const paid = new Map<string, { wage: number; property: number }>();
  for (const y of linkageYears) {
    if (y.receivedFen <= 0) continue;
    const key = `${householdOf.get(y.linkageId)}|${y.year}`;
    const sums = paid.get(key) ?? { wage: 0, property: 0 };
    if (y.benefitKind === "wage") sums.wage += y.receivedFen;
    if (y.benefitKind === "dividend" || y.benefitKind === "rent") sums.property += y.receivedFen;
    paid.set(key, sums);
  }
  return incomes.map((i) => {
    const sums = paid.get(`${i.householdId}|${i.year}`);
    if (!sums || (i.wageFen >= sums.wage && i.propertyFen >= sums.property)) return i;
    return {
      ...i,
      wageFen: Math.max(i.wageFen, sums.wage),
      propertyFen: Math.max(i.propertyFen, sums.property),
    };
  });
}
