import type { Rng } from "./rng.js";

// Real Chinese surnames, weighted towards those common in southern Jiangxi (赖, 钟, 曾, 刘, 黄 …),
// and given-name characters, with a few rare ones (CJK extensions A and B) that break naive code.

const SURNAMES: readonly (readonly [string, number])[] = [
  ["刘", 9],
  ["黄", 8],
  ["李", 7],
  ["钟", 6],
  ["曾", 6],
  ["陈", 6],
  ["王", 5],
  ["张", 5],
  ["赖", 5],
  ["罗", 4],
  ["谢", 4],
  ["朱", 4],
  ["邱", 3],
  ["肖", 3],
  ["郭", 3],
  ["温", 3],
  ["何", 3],
  ["廖", 3],
  ["杨", 3],
  ["吴", 3],
  ["林", 2],
  ["蔡", 2],
  ["胡", 2],
  ["邓", 2],
  ["叶", 2],
  ["周", 2],
  ["徐", 2],
  ["卢", 2],
  ["彭", 2],
  ["潘", 2],
  ["江", 2],
  ["兰", 1],
  ["凌", 1],
  ["孙", 1],
  ["宋", 1],
  ["严", 1],
  ["唐", 1],
  ["许", 1],
  ["袁", 1],
  ["吕", 1],
  ["古", 1],
  ["管", 1],
  ["易", 1],
  ["傅", 1],
  ["戴", 1],
  ["马", 1],
  ["欧阳", 1],
  ["司马", 0.3],
  ["龚", 1],
  ["饶", 1],
  ["孔", 0.5],
  ["麦", 0.3],
];
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

const MALE_CHARS = [
  ..."伟强军华明建国平志文勇斌辉林海波峰涛鹏杰俊超亮荣春生福贵德清发金根水永长兵新东龙祥庆宏忠良富传才秋远昌盛茂松柏鑫宇浩然子轩俊熙",
];
const FEMALE_CHARS = [
  ..."芳秀英华玲丽敏静燕红梅兰萍娟霞艳桂凤珍莲琴慧婷雪洁琳晶欣怡佳悦菊香云娥翠月彩凤娇妍涵萱",
];
/** Rare characters some residents' names really contain: 𠀀 (U+20000), 䶮 (U+4DAE), 㛃 (U+36C3), 犇 and others. */
export const RARE_NAME_CHARS: readonly string[] = [
  "𠀀",
  "䶮",
  "㛃",
  "犇",
  "龑",
  "喆",
  "堃",
  "燚",
  "垚",
  "淼",
  "嫚",
];

/** A surname, drawn by frequency. */
export function surname(rng: Rng): string {
  return SURNAMES[rng.weighted(SURNAME_WEIGHTS)]![0];
}

function givenChar(rng: Rng, male: boolean): string {
  if (rng.chance(0.006)) return rng.pick(RARE_NAME_CHARS);
  return rng.pick(male ? MALE_CHARS : FEMALE_CHARS);
}

/** A given name of one or two characters for a man or a woman. */
export function givenName(rng: Rng, male: boolean): string {
  return rng.chance(0.25) ? givenChar(rng, male) : givenChar(rng, male) + givenChar(rng, male);
}

/** A full name: surname then given name. */
export function fullName(rng: Rng, male: boolean, family?: string): string {
  return (family ?? surname(rng)) + givenName(rng, male);
}

const PLACE_FIRST = [..."新大上下东西南北石黄龙樟梅竹松田塘岭坪水河里高长洞山红和丰杨三青金"];
const PLACE_SECOND = [..."坑岭坪田塘下背口头圩湖江溪岗洲龙丰安和华光明山源桥坝垄"];

/** `count` distinct two-character place names for the villages of one township. */
export function villageNames(rng: Rng, count: number): string[] {
  const used = new Set<string>();
  const names: string[] = [];
  while (names.length < count) {
    const stem = rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND);
    if (used.has(stem)) continue;
    used.add(stem);
    names.push(stem);
  }
  return names;
}

/** A mobile phone number: 11 digits starting with 1. */
export function mobilePhone(rng: Rng): string {
  let digits = `1${rng.pick(["3", "5", "7", "8", "9"])}`;
  for (let i = 0; i < 9; i++) digits += String(rng.int(0, 9));
  return digits;
}
