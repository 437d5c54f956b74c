import { describe, expect, test } from "vitest";
import { extractText, type Statement } from "../../src/facts/extract.ts";
import { formatValue } from "../../src/facts/format.ts";
import type { Lexicon } from "../../src/facts/lexicon.ts";
import { engine } from "../helpers.ts";

/** "indicator formatted-value", with " (multi)" for multi-year goals: one string per statement. */
function summary(statements: Statement[]): string[] {
  return statements.map(
    (s) => `${s.indicatorId} ${formatValue(s)}${s.horizon === "multi-year" ? " (multi)" : ""}`,
  );
}

function extract(sentence: string, kind: "target" | "actual", lex: Lexicon = engine().lexicon): string[] {
  return summary(extractText(sentence, lex, { kind }));
}

// Real sentences from the shipped reports (district and national/provincial), as the rule layer must read them.
const REAL: [string, "target" | "actual", string, string[]][] = [
  [
    "liwan-2023",
    "actual",
    "社会消费品零售总额647.09亿元、增长0.5%;",
    ["retail_sales 647.09亿元", "retail_sales 增长0.5%"],
  ],
  [
    "liwan-2023",
    "actual",
    "一般公共预算收入53.43亿元、增长0.6%;",
    ["budget_revenue 53.43亿元", "budget_revenue 增长0.6%"],
  ],
  [
    "liwan-2023",
    "actual",
    "一般公共预算支出117.24亿元、增长11.4%;",
    ["budget_expenditure 117.24亿元", "budget_expenditure 增长11.4%"],
  ],
  ["liwan-2023", "actual", "税收总额386.23亿元、增长13.7%;", ["tax 386.23亿元", "tax 增长13.7%"]],
  [
    "liwan-2023",
    "actual",
    "固定资产投资489.18亿元、增长3.3%。",
    ["fixed_investment 489.18亿元", "fixed_investment 增长3.3%"],
  ],
  [
    "liwan-2023",
    "actual",
    "实施创新驱动战略,通过国家高新技术企业认定104家,增长17%,入库国家科技型中小企业475家,增长33.4%,新增战略性新兴企业16家,建筑业、服务业企业 R&D投入增幅均超50%;",
    ["high_tech_enterprises 104家"],
  ],
  ["liwan-2023", "actual", "新增市场主体1.5万户,注册外贸企业3000多家。", ["market_entities 新增1.5万户"]],
  ["linan-2023", "actual", "全年实现地区生产总值672.34亿元,增长0.4%;", ["gdp 672.34亿元", "gdp 增长0.4%"]],
  [
    "linan-2023",
    "actual",
    "实现财政总收入131.99亿元,其中一般公共预算收入83.99亿元;",
    ["total_fiscal_revenue 131.99亿元", "budget_revenue 83.99亿元"],
  ],
  [
    "linan-2023",
    "actual",
    "扣除留抵退税因素,财政总收入增长3%,一般公共预算收入增长4.6%;",
    ["total_fiscal_revenue 增长3%", "budget_revenue 增长4.6%"],
  ],
  [
    "linan-2023",
    "actual",
    "城镇居民人均可支配收入67469元,增长3.2%;",
    ["urban_income 67469元", "urban_income 增长3.2%"],
  ],
  [
    "linan-2023",
    "actual",
    "农村居民人均可支配收入41837元,增长5.9%。",
    ["rural_income 41837元", "rural_income 增长5.9%"],
  ],
  [
    "linan-2023",
    "actual",
    "全面落实稳进提质八大攻坚行动,科学开展经济运行调度,坚决稳住经济发展基本盘,实现规模工业增加值251.93亿元,增长5.6%。",
    ["industrial_value_added 251.93亿元", "industrial_value_added 增长5.6%"],
  ],
  [
    "linan-2023",
    "actual",
    "发放汽车消费券1150万元,撬动消费6.8亿元,社会消费品零售总额达224.28亿元,增长5.5%。",
    ["retail_sales 224.28亿元", "retail_sales 增长5.5%"],
  ],
  [
    "licheng-2023",
    "actual",
    "全力以赴稳经济大盘、保市场主体,落实各类减税退税降费政策超过60亿元,市场主体增长3.4%、总量达到21.7万户,均居全市第一。",
    ["market_entities 增长3.4%", "market_entities 21.7万户"],
  ],
  [
    "licheng-2023",
    "actual",
    "完成一般公共预算收入126亿元,可比增长6.8%,总量全市第三、增幅全市第二。",
    ["budget_revenue 126亿元", "budget_revenue 可比增长6.8%"],
  ],
  [
    "licheng-2023",
    "actual",
    "预计实现地区生产总值1265亿元,固定资产投资增长14%,城乡居民人均可支配收入分别增长4%和7%。",
    ["gdp 预计1265亿元", "fixed_investment 增长14%", "urban_income 增长4%", "rural_income 增长7%"],
  ],
  ["licheng-2023", "actual", "粮食总产量达到10.5万吨,农业增加值增速达到4%。", ["grain_output 10.5万吨"]],
  [
    "licheng-2023",
    "actual",
    "预计全区工业总产值达到397亿元,规上工业增加值增长19%,工业、技改投资增速达到49%、85%,获评中国工业百强区。",
    ["industrial_value_added 增长19%"],
  ],
  [
    "licheng-2023",
    "actual",
    "前沿科学研究引领发展,xx高等技术研究院成为国际大科学工程重要数据中心,xx超算新一代山河超级计算机登顶国际超算大会榜单,全社会研发投入增长21%、占GDP比重达到3.1%,助力xx荣膺全球科研城市百强。",
    ["rd_spending 增长21%", "rd_intensity 3.1%"],
  ],
  [
    "licheng-2023",
    "actual",
    "社会消费品零售总额达到600亿元、增长3%,限上批零住餐销售额增长11%。",
    ["retail_sales 600亿元", "retail_sales 增长3%"],
  ],
  [
    "linzi-2023",
    "actual",
    "地区生产总值增长4%,一般公共预算收入扣除减税降费因素后增长10.5%,固定资产投资增长8.4%。",
    ["gdp 增长4%", "budget_revenue 增长10.5%", "fixed_investment 增长8.4%"],
  ],
  [
    "linzi-2023",
    "actual",
    "精准梳理“456”产业链群,产业发展脉络更加清晰,规上工业总产值实现2778亿元、增长17.8%。",
    ["industrial_output 2778亿元", "industrial_output 增长17.8%"],
  ],
  [
    "linzi-2023",
    "actual",
    "大数据产业园、奥德隆国际广场等重大服务业项目进展顺利,现代服务业增加值增长4.5%,社会消费品零售总额实现172亿元。",
    ["retail_sales 172亿元"],
  ],
  [
    "linzi-2023",
    "actual",
    "实际使用外资6349万美元,进出口总额完成249.5亿元。",
    ["foreign_investment 6349万美元", "foreign_trade 249.5亿元"],
  ],
  [
    "linzi-2023",
    "actual",
    "新增市场主体10352户,“四上”企业发展到900家,营业收入过百亿元企业达6家,3家企业入选中国民营企业500强,新增市级以上瞪羚、单项冠军、“专精特新”企业52家。",
    ["market_entities 新增10352户"],
  ],
  [
    "linzi-2023",
    "actual",
    "新培育高新技术企业41家,市级以上科技研发平台达187个,高新技术产业产值增长23.6%。",
    ["high_tech_enterprises 41家"],
  ],
  [
    "linzi-2023",
    "actual",
    "齐鲁石化百万吨CCUS项目正式运行,分布式光伏容量达13.6万千瓦,万元GDP能耗下降3%。",
    ["energy_intensity 下降3%"],
  ],
  [
    "national-2019",
    "actual",
    "国内生产总值增长6.6%，总量突破90万亿元。",
    ["gdp 增长6.6%", "gdp 突破90万亿元"],
  ],
  ["national-2019", "actual", "居民消费价格上涨2.1%。", ["cpi 上涨2.1%"]],
  [
    "national-2019",
    "actual",
    "城镇新增就业1361万人、调查失业率稳定在5%左右的较低水平。",
    ["new_urban_jobs 1361万人", "unemployment 5%左右"],
  ],
  ["national-2019", "actual", "单位国内生产总值能耗下降3.1%。", ["energy_intensity 下降3.1%"]],
  [
    "national-2019",
    "actual",
    "货物进出口总额超过30万亿元，实际使用外资1383亿美元、稳居发展中国家首位。",
    ["foreign_trade 超过30万亿元", "foreign_investment 1383亿美元"],
  ],
  ["national-2019", "actual", "居民人均可支配收入实际增长6.5%。", ["disposable_income 增长6.5%"]],
  [
    "national-2019",
    "actual",
    "乡村振兴战略有力实施，粮食总产量保持在1.3万亿斤以上。",
    ["grain_output 1.3万亿斤以上"],
  ],
  [
    "national-2024",
    "actual",
    "国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。",
    ["gdp 超过126万亿元", "gdp 增长5.2%"],
  ],
  [
    "national-2024",
    "actual",
    "城镇新增就业1244万人，城镇调查失业率平均为5.2%。",
    ["new_urban_jobs 1244万人", "unemployment 5.2%"],
  ],
  ["national-2024", "actual", "居民消费价格上涨0.2%。", ["cpi 上涨0.2%"]],
  ["national-2024", "actual", "粮食产量1.39万亿斤，再创历史新高。", ["grain_output 1.39万亿斤"]],
  [
    "national-2024",
    "actual",
    "居民人均可支配收入增长6.1%，城乡居民收入差距继续缩小。",
    ["disposable_income 增长6.1%"],
  ],
  [
    "national-2024",
    "actual",
    // 脱贫地区 is a part of the country: its farmers' income is not the national figure.
    "脱贫攻坚成果巩固拓展，脱贫地区农村居民收入增长8.4%。",
    [],
  ],
  ["national-2024", "target", "今年发展主要预期目标是：国内生产总值增长5%左右；", ["gdp 增长5%左右"]],
  [
    "national-2025",
    "actual",
    "主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，增速居世界主要经济体前列，对全球经济增长的贡献率保持在30%左右。",
    ["gdp 134.9万亿元", "gdp 增长5%"],
  ],
  [
    "national-2025",
    "actual",
    "就业、物价总体平稳，城镇新增就业1256万人、城镇调查失业率平均为5.1%，居民消费价格上涨0.2%。",
    ["new_urban_jobs 1256万人", "unemployment 5.1%", "cpi 上涨0.2%"],
  ],
  [
    "national-2025",
    "actual",
    "民生保障扎实稳固，居民人均可支配收入实际增长5.1%，脱贫攻坚成果持续巩固拓展，义务教育、基本养老、基本医疗、社会救助等保障力度加大。",
    ["disposable_income 增长5.1%"],
  ],
  [
    "national-2025",
    "actual",
    "主要表现在，产业升级有新进展，粮食产量首次跃上1.4万亿斤新台阶、亩产提升10.1斤；",
    ["grain_output 1.4万亿斤"],
  ],
  ["national-2025", "actual", "单位国内生产总值能耗降幅超过3%；", ["energy_intensity 降幅超过3%"]],
  [
    "national-2025",
    "actual",
    "稳定工业经济运行，推进制造业技术改造升级，制造业投资增长9.2%。",
    ["manufacturing_investment 增长9.2%"],
  ],
  ["national-2025", "target", "今年发展主要预期目标是：国内生产总值增长5%左右；", ["gdp 增长5%左右"]],
  [
    "beijing-2026",
    "actual",
    "加速发展高精尖产业，集成电路产业规模增长超20%，新能源汽车年产量近70万辆，34款创新药械获批上市，国际医药创新公园新引入8家跨国药企，全市国家级高新技术企业数量突破3万家。",
    ["high_tech_enterprises 突破3万家"],
  ],
  [
    "beijing-2026",
    "target",
    "实施稳岗扩容提质行动，城镇新增就业不少于28万人。",
    ["new_urban_jobs 不少于28万人"],
  ],
  [
    "tianjin-2026",
    "actual",
    "全市地区生产总值增长4.8%，一般公共预算收入增长4.1%。",
    ["gdp 增长4.8%", "budget_revenue 增长4.1%"],
  ],
  [
    "tianjin-2026",
    "actual",
    "稳步推进国家级经开区改革，完善“管委会＋公司”运营模式，建立健全招商引资、要素保障等机制，利用外资、投资分别增长45%、20%。",
    ["foreign_investment 增长45%"],
  ],
  [
    "tianjin-2026",
    "target",
    "今年经济社会发展主要预期目标是：地区生产总值增长4.5%，在实际工作中努力争取更好结果；",
    ["gdp 增长4.5%"],
  ],
  ["tianjin-2026", "target", "一般公共预算收入增长2%；", ["budget_revenue 增长2%"]],
  // Within the 预期目标 paragraph a target without a number is kept, value null.
  [
    "tianjin-2026",
    "target",
    "今年经济社会发展主要预期目标是：地区生产总值增长4.5%，在实际工作中努力争取更好结果；一般公共预算收入增长2%；固定资产投资提质增效；",
    ["gdp 增长4.5%", "budget_revenue 增长2%", "fixed_investment 固定资产投资提质增效"],
  ],
  [
    "tianjin-2026",
    "target",
    "城镇调查失业率5.5%左右，城镇新增就业28万人；",
    ["unemployment 5.5%左右", "new_urban_jobs 28万人"],
  ],
  ["tianjin-2026", "target", "居民消费价格涨幅2%左右；", ["cpi 涨幅2%左右"]],
  [
    "zhejiang-2026",
    "actual",
    "全省生产总值增长5.5%，一般公共预算收入增长1.8%，城镇和农村居民人均可支配收入分别增长4.3%、5.5%，十方面民生实事圆满完成。",
    ["gdp 增长5.5%", "budget_revenue 增长1.8%", "urban_income 增长4.3%", "rural_income 增长5.5%"],
  ],
  [
    "zhejiang-2026",
    "actual",
    "发挥企业创新主体作用，新增高新技术企业超6000家、科技型中小企业1.76万家，组建创新联合体15个，省重大科技计划项目中企业牵头或参与占比超过80%。",
    ["high_tech_enterprises 新增超6000家"],
  ],
  ["zhejiang-2026", "actual", "规上工业增加值增长6.9%。", ["industrial_value_added 增长6.9%"]],
  [
    "zhejiang-2026",
    "actual",
    "研究出台首发经济、会展经济、健康消费等方面29项促消费政策，全省社会消费品零售总额增长4%。",
    ["retail_sales 增长4%"],
  ],
  [
    "zhejiang-2026",
    "actual",
    "实际使用外资115.6亿美元，其中制造业外资占比40.9%。",
    ["foreign_investment 115.6亿美元"],
  ],
  [
    "zhejiang-2026",
    "actual",
    "国有企业改革攻坚深化提升行动顺利收官，省属企业创新导向更加突出，研发经费投入增长15.6%。",
    ["rd_spending 增长15.6%"],
  ],
  [
    "zhejiang-2026",
    "actual",
    "全年为企业减负超3300亿元，全省经营主体达1163.7万户、增长6.3%，其中企业410.1万户、增长7.7%。",
    ["market_entities 1163.7万户", "market_entities 增长6.3%"],
  ],
  [
    "sichuan-2026",
    "actual",
    "实现地区生产总值67665亿元，增长5.5%，总量和增速均居全国第5位；",
    ["gdp 67665亿元", "gdp 增长5.5%"],
  ],
  [
    "sichuan-2026",
    "actual",
    "地方一般公共预算收入5853.9亿元，增长3.9%；",
    ["budget_revenue 5853.9亿元", "budget_revenue 增长3.9%"],
  ],
  [
    "sichuan-2026",
    "actual",
    "城乡居民人均可支配收入分别增长4.4%、5.6%。",
    ["urban_income 增长4.4%", "rural_income 增长5.6%"],
  ],
  [
    "sichuan-2026",
    "actual",
    "提振消费促增长，兑现以旧换新补贴169亿元，省市联动发放“蜀里安逸”消费券超7亿元，举办促消费活动3万余场次，全省社会消费品零售总额增长5.1%。",
    ["retail_sales 增长5.1%"],
  ],
  [
    "sichuan-2026",
    "actual",
    "大力推动稳就业促创业，推出高质量充分就业的政策举措，实施岗位挖潜扩容支持计划，开发政策性岗位35万个，全省城镇新增就业107万人；",
    ["new_urban_jobs 107万人"],
  ],
  [
    "sichuan-2026",
    "actual",
    "国家高新技术企业达到1.9万家、科技型中小企业达到2.9万家，均实现倍增。",
    ["high_tech_enterprises 1.9万家"],
  ],
  [
    "sichuan-2026",
    "actual",
    "营商环境改革不断深化，经营主体从689万户增至951万户，民营经济增加值从2.9万亿元增至3.8万亿元。",
    ["market_entities 689万户", "market_entities 951万户"],
  ],
  ["guangdong-2026", "actual", "地区生产总值增长3.9%、总量连续37年居全国首位。", ["gdp 增长3.9%"]],
  ["guangdong-2026", "actual", "地方一般公共预算收入增长3%。", ["budget_revenue 增长3%"]],
  [
    "guangdong-2026",
    "actual",
    "货物进出口总额9.5万亿元、增长4.4%，贡献了全国24.1%的增量。",
    ["foreign_trade 9.5万亿元", "foreign_trade 增长4.4%"],
  ],
  [
    "guangdong-2026",
    "actual",
    "实际使用外资1126.6亿元、增长11.3%，新设外资企业3.6万家、增长38.7%。",
    ["foreign_investment 1126.6亿元", "foreign_investment 增长11.3%"],
  ],
  [
    "guangdong-2026",
    "actual",
    "开展“以旧换新”等促消费活动，社会消费品零售总额实现4.6万亿元、增长2.8%。",
    ["retail_sales 4.6万亿元", "retail_sales 增长2.8%"],
  ],
  [
    "guangdong-2026",
    "actual",
    "新登记经营主体320万户、增长13%，总量达2037.7万户，其中企业929.8万户。",
    // new registrations and their growth are not the stock; the total after them is
    ["market_entities 2037.7万户"],
  ],
  [
    "guangdong-2026",
    "actual",
    "新培育国家制造业单项冠军企业47家、专精特新“小巨人”企业688家，预计高新技术企业达7.4万家、科技型中小企业达5.6万家。",
    ["high_tech_enterprises 预计7.4万家"],
  ],
];

describe("statement extraction from real report sentences", () => {
  test.each(REAL)("%s (%s): %s", (_report, kind, sentence, expected) => {
    expect(extract(sentence, kind)).toEqual(expected);
  });
});
