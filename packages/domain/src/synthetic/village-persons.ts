import { fullName, mobilePhone } from "./names.js";
import type { World } from "./world.js";

/**
 * Writes a responsible person for every village (村级主体责任), in force from the first day of the
 * window and never ended: the village level of "督促乡、村两级扛起产业扶贫的主体责任".
 */
export function buildVillagePersons(w: World): void {
  const rng = w.rng("village-persons");
  for (const v of w.villages) {
    w.responsibilities.push({
      id: `resp-v-${v.code}`,
      kind: "village_responsible_person",
      personName: fullName(rng, rng.chance(0.7)),
      personPhone: mobilePhone(rng),
      townshipCode: v.code.slice(0, 9),
      householdId: null,
      villageCode: v.code,
      validFrom: `${w.cfg.y0}-01-01`,
      validTo: null,
    });
  }
}
