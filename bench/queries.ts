/**
 * The fixed query mix. Every question names a region of the shipped corpus (copy 0 of every synthetic
 * corpus) or none at all; unscoped /ask questions search every report, the worst case at scale.
 */
export const QUERY_MIX = {
  target: [
    "/target 临淄 GDP",
    "/target 北京 地区生产总值",
    "/target 广东 居民人均可支配收入",
    "/figure 历城 社零",
    "/target 全国 粮食产量",
    "/figure 临淄 规上工业总产值",
  ],
  ask: [
    "/ask 临淄新建了多少充电桩",
    "/ask 历城优良天数",
    "/ask 2024年全国粮食产量",
    "/ask 浙江 高新技术企业 数量",
    "/ask 新能源汽车",
    "/ask 稷下学宫遗址",
    "/ask 人工智能产业发展",
    "/ask 城乡居民收入增长",
  ],
  compare: ["/compare GDP", "/compare 居民人均可支配收入 actual"],
} as const;

export type Command = keyof typeof QUERY_MIX;

/** The line whose answer ends a cold start. */
export const COLD_START_LINE = "/target 临淄 GDP";
