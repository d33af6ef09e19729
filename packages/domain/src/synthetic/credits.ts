import type { CreditReturn, HouseholdCredit } from "../credit/credit.js";
import { dayOf, isoOfDay } from "./days.js";
import { industryId } from "./dayu.js";
import { sample } from "./rng.js";
import { dayIn, type HouseholdState, plant, plantCount, type World } from "./world.js";

const ABLE = new Set(["ordinary", "skilled"]);

/** Dividends are paid in January or February, so each is on or before any as-of date (1 March or later). */
function dividendDay(year: number, seed: number): string {
  return isoOfDay(dayOf(year, 1, 1) + (seed % 59));
}

function pushCredit(
  out: { credits: HouseholdCredit[]; returns: CreditReturn[] },
  credit: Omit<HouseholdCredit, "industryId" | "fundId" | "dueDate" | "lender"> & { industry?: number },
  returns: readonly { year: number; kind: CreditReturn["kind"]; amountFen: number }[],
): void {
  const { industry, ...record } = credit;
  out.credits.push({
    ...record,
    industryId: industry === undefined ? null : industryId(industry),
    fundId: null,
    dueDate: null,
    lender: record.kind === "microcredit" ? "大余县农村商业银行" : "",
  });
  returns.forEach((r, i) => {
    out.returns.push({
      id: `${record.id}-r${i + 1}`,
      creditId: record.id,
      date: dividendDay(r.year, record.amountFen / 10_000 + i),
      kind: r.kind,
      amountFen: r.amountFen,
    });
  });
}

/** Years after `from` up to the reference year. */
const yearsAfter = (w: World, from: number) => w.cfg.years.filter((y) => y > from);

/**
 * The healthy look-alikes of 一捆了之: a household's microcredit or household fund placed with the
 * entity it works with, a dividend of 5–10% each year after and the household taking part every
 * year; some repaid in full the year after (nothing owed from then on); loans the households use
 * themselves (户贷户用) with nothing coming back; and households with no one able to work paid exactly
 * the policy's 5% (资产收益) without taking part.
 */
function buildCleanCredits(w: World, out: { credits: HouseholdCredit[]; returns: CreditReturn[] }): void {
  const rng = w.rng("credits");
  const { cfg } = w;
  const unable = unableHouseholds(w);
  for (const h of w.households) {
    if (!rng.chance(0.03)) continue;
    const year = rng.pick(cfg.years.slice(0, -1).filter((y) => y >= h.record.registeredYear));
    const amountFen = rng.int(1, 5) * 1_000_000;
    const base = { id: `cr-${h.record.id}`, householdId: h.record.id, amountFen };
    // Never 1 January: in a leap year that is 365 days before 31 December, so judged the same year.
    const placedDate = isoOfDay(Math.max(dayIn(rng, cfg, year), dayOf(year, 1, 2)));
    const link = h.linkages
      .map((k) => w.linkages[k]!)
      .find((l) => cfg.years.every((y) => y < year || l.years[y - cfg.y0]?.tookPart === true));
    if (link) {
      const repaid = rng.chance(0.2);
      const returns = yearsAfter(w, year).map((y, i) =>
        repaid && i === 0
          ? { year: y, kind: "repayment" as const, amountFen }
          : { year: y, kind: "dividend" as const, amountFen: (amountFen * rng.int(5, 10)) / 100 },
      );
      pushCredit(
        out,
        { ...base, kind: "household_fund", entityId: w.entities[link.entity]!.record.id, placedDate },
        repaid ? returns.slice(0, 1) : returns,
      );
    } else if (unable.has(h.record.id) && w.entities.length > 0) {
      const entity = w.entities[rng.int(0, w.entities.length - 1)]!;
      const returns = yearsAfter(w, year).map((y) => ({
        year: y,
        kind: "dividend" as const,
        amountFen: amountFen / 20,
      }));
      pushCredit(out, { ...base, kind: "household_fund", entityId: entity.record.id, placedDate }, returns);
    } else {
      const industry = h.tracks[0]?.industry;
      pushCredit(
        out,
        {
          ...base,
          kind: "microcredit",
          entityId: null,
          placedDate,
          ...(industry === undefined ? {} : { industry }),
        },
        [],
      );
    }
  }
}

function unableHouseholds(w: World): Set<string> {
  const listed = new Set<string>();
  const able = new Set<string>();
  for (const m of w.members) {
    listed.add(m.householdId);
    if (ABLE.has(m.labourAbility)) able.add(m.householdId);
  }
  return new Set([...listed].filter((id) => !able.has(id)));
}

/**
 * Plants LINKAGE.BUNDLED: each year `Y` after the first, households with someone able to work and
 * no credit yet place microcredit with an entity they are not linked to, from 2 January to 28 February
 * of `Y-1` (a year or more before any assessment date of `Y`, never within `Y-1`); from `Y` on either nothing comes back or (every other one) a fixed 8% comes back while they
 * take no part. Every year from `Y` to the reference year is reported.
 */
function plantBundledCredits(w: World, out: { credits: HouseholdCredit[]; returns: CreditReturn[] }): void {
  const rng = w.rng("plant-bundled");
  const { cfg } = w;
  const rate = cfg.rates["LINKAGE.BUNDLED"];
  const unable = unableHouseholds(w);
  const taken = new Set(out.credits.map((c) => c.householdId));
  let n = 0;
  for (const year of cfg.years.slice(1)) {
    const entities = w.entities.filter((e) => e.established <= year - 1);
    const eligible = w.households.filter(
      (h: HouseholdState) =>
        h.record.registeredYear <= year - 1 && !taken.has(h.record.id) && !unable.has(h.record.id),
    );
    if (entities.length === 0) continue;
    for (const h of sample(rng, eligible, plantCount(rate, eligible.length))) {
      const unlinked = entities.filter((e) => !h.linkages.some((k) => w.linkages[k]!.entity === e.index));
      if (unlinked.length === 0) continue;
      const entity = rng.pick(unlinked);
      taken.add(h.record.id);
      const amountFen = rng.int(1, 5) * 1_000_000;
      const id = `cr-${h.record.id}`;
      const payout = n++ % 2 === 1;
      const returns = payout
        ? yearsAfter(w, year - 1).map((y) => ({
            year: y,
            kind: "dividend" as const,
            amountFen: (amountFen * 8) / 100,
          }))
        : [];
      pushCredit(
        out,
        {
          id,
          householdId: h.record.id,
          kind: "microcredit",
          amountFen,
          entityId: entity.record.id,
          placedDate: isoOfDay(dayOf(year - 1, 1, 2) + rng.int(0, 57)),
        },
        returns,
      );
      for (const y of yearsAfter(w, year - 1)) {
        const ids = out.returns
          .filter((r) => r.creditId === id && r.date.startsWith(`${y}-`))
          .map((r) => r.id);
        plant(w, "LINKAGE.BUNDLED", y, id, [id, h.record.id, entity.record.id, ...ids]);
      }
    }
  }
}

/** Builds household credit and what came back (see `buildCleanCredits`, `plantBundledCredits`). */
export function buildCredits(w: World): { credits: HouseholdCredit[]; returns: CreditReturn[] } {
  const out = { credits: [] as HouseholdCredit[], returns: [] as CreditReturn[] };
  buildCleanCredits(w, out);
  plantBundledCredits(w, out);
  return out;
}
