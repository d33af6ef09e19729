import { type ColumnInput, columnGroup, type ProfileInput } from "./profile.js";

const sources = ["central", "provincial", "municipal", "county", "self_raised"] as const;
const SOURCE_HEADERS = {
  central: "中央",
  provincial: "省级",
  municipal: "市级",
  county: "县级",
  self_raised: "自筹",
};
/** The amount columns of a funding by source: `<prefix>.<source>` under the source's header. */
const sourceColumns = (prefix: string): ColumnInput[] =>
  sources.map((s) => ({ key: `${prefix}.${s}`, header: SOURCE_HEADERS[s], type: "amount" }));
const STAGE_HEADERS = {
  application: "申报",
  review: "审核",
  approval: "审定",
  public_notice: "公示",
  implementation: "实施",
  acceptance: "验收",
  handover: "资产移交",
};

/** Report 2 (市产业扶贫项目): one row per project, funding by source planned and disbursed, stages and their dates. */
export const CITY_PROJECTS: ProfileInput = {
  name: "city-projects",
  title: "市产业扶贫项目",
  deadline: { frequency: "monthly", day: 10 },
  transport: {
    kind: "http-json",
    url: "http://127.0.0.1:4100/city/batches",
    credentialEnv: "FUPIN_CITY_TOKEN",
  },
  codeTables: {},
  sheets: [
    {
      name: "产业扶贫项目",
      rows: "projects",
      titleRows: ["{region}产业扶贫项目情况表", "（{period}，数据截至{asOf}，单位：元）"],
      columns: [
        { key: "projectId", header: "项目编号", type: "text" },
        { key: "name", header: "项目名称", type: "text", width: 30 },
        { key: "industry", header: "产业", type: "text" },
        { key: "nature", header: "建设性质", type: "text" },
        ...columnGroup("实施地点", [
          { key: "township", header: "乡镇", type: "text" },
          { key: "village", header: "村", type: "text" },
        ]),
        ...columnGroup("实施主体", [
          { key: "entityName", header: "名称", type: "text" },
          { key: "creditCode", header: "统一社会信用代码", type: "text", width: 21 },
        ]),
        { key: "plannedTotalFen", header: "资金规模", type: "amount" },
        ...columnGroup("资金来源", sourceColumns("planned")),
        ...columnGroup("已拨付资金", [
          ...sourceColumns("disbursed"),
          { key: "disbursedTotalFen", header: "合计", type: "amount" },
        ]),
        { key: "beneficiaryHouseholds", header: "受益户数", type: "integer" },
        { key: "beneficiaryPersons", header: "受益人数", type: "integer" },
        { key: "linkageMode", header: "带贫减贫机制", type: "label", codeTable: "linkageMode" },
        { key: "performanceTarget", header: "绩效目标", type: "text", width: 30 },
        { key: "stage", header: "项目阶段", type: "label", codeTable: "projectStage" },
        ...columnGroup(
          "阶段日期",
          Object.entries(STAGE_HEADERS).map(([s, h]) => ({
            key: `stage.${s}`,
            header: h,
            type: "date" as const,
          })),
        ),
      ],
    },
  ],
};
