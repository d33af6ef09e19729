import { columnGroup, type ProfileInput } from "./profile.js";

/** A group of figures: key, header and type (default a count), under the group's header. */
const g = (group: string, cols: [string, string, ("integer" | "amount")?][]) =>
  columnGroup(
    group,
    cols.map(([key, header, type]) => ({ key, header, type: type ?? "integer" })),
  );

/** Report 3 (市产业扶贫攻坚行动): per township per month, monthly and cumulative figures, with the region's totals. */
export const CITY_CAMPAIGN: ProfileInput = {
  name: "city-campaign",
  title: "市产业扶贫攻坚行动月报",
  deadline: { frequency: "monthly", day: 3 },
  transport: { kind: "file", folder: "outbox/city-campaign" },
  codeTables: {},
  sheets: [
    {
      name: "攻坚行动月报",
      rows: "campaign",
      titleRows: ["{region}产业扶贫攻坚行动进展情况（{period}，数据截至{asOf}）", "单位：户、人、个、次、元"],
      columns: [
        { key: "township", header: "乡镇", type: "text" },
        { key: "regionCode", header: "区划代码", type: "text" },
        { key: "month", header: "月份", type: "integer" },
        { key: "asOf", header: "截止日期", type: "date" },
        ...g("建档立卡", [
          ["registeredHouseholds", "户数"],
          ["registeredPersons", "人数"],
        ]),
        ...g("产业覆盖", [
          ["coveredHouseholds", "覆盖户数"],
          ["linkedHouseholds", "利益联结户数"],
          ["linkageBenefitFen", "联结收益", "amount"],
          ["poorVillages", "贫困村数"],
          ["poorVillagesCovered", "覆盖贫困村数"],
        ]),
        ...g("新增利益联结", [
          ["newLinkagesMonth", "本月"],
          ["newLinkagesCum", "累计"],
        ]),
        ...g("产业奖补", [
          ["subsidyHouseholdsMonth", "本月户数"],
          ["subsidyHouseholdsCum", "累计户数"],
          ["subsidyFenMonth", "本月金额", "amount"],
          ["subsidyFenCum", "累计金额", "amount"],
        ]),
        ...g("技术服务", [
          ["visitsMonth", "本月服务"],
          ["visitsCum", "累计服务"],
          ["trainingsMonth", "本月培训"],
          ["trainingsCum", "累计培训"],
        ]),
        ...g("项目资金拨付", [
          ["disbursedFenMonth", "本月", "amount"],
          ["disbursedFenCum", "累计", "amount"],
        ]),
        ...g("问题整改", [
          ["rectificationsFoundMonth", "本月发现"],
          ["rectificationsFoundCum", "累计发现"],
          ["rectificationsClosedMonth", "本月完成"],
          ["rectificationsClosedCum", "累计完成"],
          ["rectificationsOverdue", "逾期未完成"],
        ]),
      ],
    },
  ],
};
