import { dayOf, isoOfDay } from "./days.js";
import { appointedIn, breaksOf, otherThan, standInRoom, writeChain } from "./governance.js";
import { fullName, mobilePhone } from "./names.js";
import { type Rng, sample } from "./rng.js";
import { plant, plantCount, type VillageState, type World } from "./world.js";

/** Per village (code), the years a code is planted in it: a share of each year's judged villages. */
function plantYears(
  w: World,
  rng: Rng,
  code: "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON" | "RESPONSIBILITY.VILLAGE_STAND_IN",
  years: readonly number[],
): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const year of years) {
    const judged = w.villages.filter(
      (v) => v.poor || v.households.some((i) => w.households[i]!.record.registeredYear <= year),
    );
    for (const v of sample(rng, judged, plantCount(w.cfg.rates[code], judged.length))) {
      const set = out.get(v.code) ?? new Set<number>();
      set.add(year);
      out.set(v.code, set);
    }
  }
  return out;
}

/**
 * Writes a responsible person for every village (村级主体责任), in force from the first day of the
 * window: the village level of "督促乡、村两级扛起产业扶贫的主体责任". Clean villages see a normal
 * replacement in some years and their person's record split at 31 December in others (a renewed
 * term). Plants RESPONSIBILITY.VILLAGE_WITHOUT_PERSON: in some years some judged villages (poor, or
 * with registered households) see their person's term end in December with the next appointed in
 * January, or, in the reference year, end before the as-of date with nobody after; and
 * RESPONSIBILITY.VILLAGE_STAND_IN: three stand-ins named one after another from March.
 */
export function buildVillagePersons(w: World): void {
  const rng = w.rng("village-persons");
  const plantRng = w.rng("plant-village-persons");
  const { cfg } = w;
  const gaps = plantYears(w, plantRng, "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON", cfg.years);
  const standIns = plantYears(w, plantRng, "RESPONSIBILITY.VILLAGE_STAND_IN", standInRoom(w));
  const none = new Set<number>();
  for (const v of w.villages) {
    const gapYears = gaps.get(v.code) ?? none;
    const standInYears = standIns.get(v.code) ?? none;
    const chain = writeChain(
      w,
      dayOf(cfg.y0, 1, 1),
      breaksOf(plantRng, w, 0.1, gapYears, standInYears, 0.1),
      villagePerson(rng, v),
    );
    for (const year of gapYears)
      plant(w, "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON", year, v.code, [chain.endedBefore.get(year)!]);
    for (const year of standInYears)
      plant(w, "RESPONSIBILITY.VILLAGE_STAND_IN", year, v.code, appointedIn(w, chain.appointed, year));
  }
}

/** Makes a village's assignments: a new person at each change, the same one on a renewal. */
function villagePerson(rng: Rng, v: VillageState) {
  let name: string | null = null;
  return (k: number, from: number, to: number | null, renewal: boolean) => {
    if (!renewal || name === null) name = otherThan(name, () => fullName(rng, rng.chance(0.7)));
    return {
      id: `resp-v-${v.code}${k === 1 ? "" : `-${k}`}`,
      kind: "village_responsible_person" as const,
      personName: name,
      personPhone: mobilePhone(rng),
      townshipCode: v.code.slice(0, 9),
      householdId: null,
      villageCode: v.code,
      validFrom: isoOfDay(from),
      validTo: to === null ? null : isoOfDay(to),
    };
  };
}
