import { dayOf, isoOfDay } from "./days.js";
import { fullName, mobilePhone } from "./names.js";
import { sample } from "./rng.js";
import { plant, plantCount, type World } from "./world.js";

/**
 * Writes a responsible person for every village (村级主体责任), in force from the first day of the
 * window: the village level of "督促乡、村两级扛起产业扶贫的主体责任". Plants
 * RESPONSIBILITY.VILLAGE_WITHOUT_PERSON: in some years some judged villages (poor, or with registered
 * households) see their person's term end in December with the next appointed in January, or, in
 * the reference year, end before the as-of date with nobody after.
 */
export function buildVillagePersons(w: World): void {
  const rng = w.rng("village-persons");
  const plantRng = w.rng("plant-village-persons");
  const { cfg } = w;
  const gaps = new Map<string, number[]>();
  for (const year of cfg.years) {
    const judged = w.villages.filter(
      (v) => v.poor || v.households.some((i) => w.households[i]!.record.registeredYear <= year),
    );
    const rate = cfg.rates["RESPONSIBILITY.VILLAGE_WITHOUT_PERSON"];
    for (const v of sample(plantRng, judged, plantCount(rate, judged.length)))
      gaps.set(v.code, [...(gaps.get(v.code) ?? []), year]);
  }
  for (const v of w.villages) {
    let from = `${cfg.y0}-01-01`;
    let k = 0;
    const person = (validTo: string | null) => ({
      id: `resp-v-${v.code}${k === 0 ? "" : `-${k + 1}`}`,
      kind: "village_responsible_person" as const,
      personName: fullName(rng, rng.chance(0.7)),
      personPhone: mobilePhone(rng),
      townshipCode: v.code.slice(0, 9),
      householdId: null,
      villageCode: v.code,
      validFrom: from,
      validTo,
    });
    let open = true;
    for (const year of gaps.get(v.code) ?? []) {
      const end = year < cfg.ref ? dayOf(year, 12, plantRng.int(1, 20)) : cfg.asOfDay - plantRng.int(1, 30);
      const ended = person(isoOfDay(end));
      w.responsibilities.push(ended);
      plant(w, "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON", year, v.code, [ended.id]);
      k++;
      open = year < cfg.ref;
      if (open) from = isoOfDay(dayOf(year + 1, 1, plantRng.int(3, 25)));
    }
    if (open) w.responsibilities.push(person(null));
  }
}
