import { describe, expect, it } from "vitest";
import { PROFILE_NAMES } from "./profile.js";
import { loadProfile } from "./registry.js";

describe("report profiles", () => {
  it.each(PROFILE_NAMES)("%s is valid data", (name) => {
    const profile = loadProfile(name);
    expect(profile.ok).toBe(true);
    if (profile.ok) expect(profile.value.sheets.length).toBeGreaterThan(0);
  });

  it("a county's JSON override changes headers, titles, labels and the deadline without code", () => {
    const profile = loadProfile("province-households", {
      title: "某省扶贫开发信息系统",
      deadline: { day: 8 },
      codeTables: { relation: { head: "本人" } },
      sheets: { 人口名单: { name: "人员信息", columns: { idNumber: { header: "身份证号码", width: 24 } } } },
    });
    if (!profile.ok) throw new Error(profile.error.message);
    const sheet = profile.value.sheets[0]!;
    expect(sheet.name).toBe("人员信息");
    expect(sheet.columns.find((c) => c.key === "idNumber")).toMatchObject({
      header: "身份证号码",
      width: 24,
      type: "text",
    });
    expect(profile.value.codeTables.relation!.head).toBe("本人");
    expect(profile.value.deadline).toEqual({ frequency: "monthly", day: 8 });
  });

  it.each([
    [{ titel: "x" }, "titel", "unknown key"],
    [
      { sheets: { 人口名单: { columns: { idNumbr: { header: "x" } } } } },
      "sheets.人口名单.columns.idNumbr",
      "no such column",
    ],
    [
      { sheets: { 人口名单: { columns: { idNumber: { heading: "x" } } } } },
      "sheets.人口名单.columns.idNumber.heading",
      "unknown key",
    ],
    [{ sheets: { 花名册: {} } }, "sheets.花名册", "no such sheet"],
    [{ deadline: { day: 40 } }, "deadline.day", "31"],
    [{ codeTables: { relation: { boss: "老板" } } }, "codeTables.relation.boss", "no such code"],
    [{ codeTables: { relation: { spouse: "户主" } } }, "codeTables.relation", "unique"],
    [{ transport: { kind: "ftp" } }, "transport.kind", ""],
  ])("a bad override %j is refused naming %s", (override, key, text) => {
    const profile = loadProfile("province-households", override);
    expect(profile.ok).toBe(false);
    if (profile.ok) return;
    expect(profile.error).toMatchObject({ code: "PROFILE.OVERRIDE_INVALID", key });
    expect(profile.error.message).toContain(key);
    expect(profile.error.message).toContain(text);
  });

  it("an unknown profile name is refused with the known ones", () => {
    const profile = loadProfile("city-households");
    expect(profile.ok ? null : profile.error).toMatchObject({ code: "PROFILE.UNKNOWN" });
    expect(profile.ok ? "" : profile.error.message).toContain("province-households");
  });
});
