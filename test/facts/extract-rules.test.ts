import { describe, expect, test } from "vitest";
import { parseReport } from "../../src/corpus/structure.ts";
import { extractReportStatements, extractText } from "../../src/facts/extract.ts";
import { formatValue } from "../../src/facts/format.ts";
import { loadLexicon } from "../../src/facts/lexicon.ts";
import { buildMatcher } from "../../src/facts/mentions.ts";

const lexicon = loadLexicon("corpus");

/**
 * Issue 11's rules, each with the real sentence that motivated it (report id first). A row reads
 * "indicator value kind/horizon/about[-end]" per numeric statement; an empty list means every number
 * in the sentence must stay unattached.
 */
type Row = [
  report: string,
  kind: "target" | "actual",
  year: number,
  fiveYearHeading: boolean,
  sentence: string,
  want: string[],
  why: string,
];

const RULES: Row[] = [
  // The issue's own wordings from reports outside the corpus (their sentences stay unseen).
  [
    "issue-11",
    "actual",
    2026,
    false,
    "地区生产总值突破6万亿元，十年增加近3万亿元，五年年均增长5.9%。",
    ["gdp 突破6万亿元 a/a/2025", "gdp 增加近3万亿元 a/m/2016-2025", "gdp 增长5.9% a/m/2021-2025"],
    "subject carried to 十年增加 and 五年年均增长 clauses; ten years span ten",
  ],
  [
    "issue-11",
    "actual",
    2026,
    false,
    "地区生产总值达到1.2万亿元。五年年均增长6.1%。",
    ["gdp 1.2万亿元 a/a/2025", "gdp 增长6.1% a/m/2021-2025"],
    "a subject named in the previous sentence carries to a sentence opening on a rate",
  ],
  [
    "issue-11",
    "target",
    2026,
    false,
    "研发经费支出相当于全市生产总值的比例2.5%。",
    ["rd_intensity 2.5% t/a/2026"],
    "ratio: 相当于…的比例 is R&D intensity (the issue's own example), never GDP",
  ],
  [
    "national-2016",
    "actual",
    2016,
    false,
    "服务业在国内生产总值中的比重上升到50.5%，首次占据“半壁江山”。",
    [],
    "ratio: a sector's share 在GDP中的比重 is not GDP",
  ],
  [
    "national-2016",
    "target",
    2016,
    true,
    "今后五年，单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%，森林覆盖率达到23.04%，能源资源开发利用效率大幅提高，生态环境质量总体改善。",
    ["energy_intensity 下降15% t/m/2016-2020", "carbon_intensity 下降18% t/m/2016-2020"],
    "intensity: the list shares the head 单位国内生产总值 (用水量 is not in the lexicon)",
  ],
  [
    "national-2021",
    "target",
    2021,
    true,
    "加快发展方式绿色转型，协同推进经济高质量发展和生态环境高水平保护，单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。",
    ["energy_intensity 降低13.5% t/m/2021-2025", "carbon_intensity 降低18% t/m/2021-2025"],
    "intensity: 二氧化碳排放 is its own indicator, not energy or GDP",
  ],
  [
    "sichuan-2026",
    "actual",
    2026,
    false,
    "五大片区共兴发展不断深化，成都平原经济区经济总量达到4万亿元、占全省比重达61.3%，川南经济区经济总量迈上万亿元台阶，川东北经济区经济总量突破9000亿元，攀西经济区转型升级成效明显。",
    [],
    "sub-region: 经济区 totals are not the province's GDP",
  ],
  [
    "sichuan-2026",
    "actual",
    2026,
    false,
    "成渝地区双城经济圈建设走深走实，经济总量超9万亿元，占全国比重升至6.5%左右。",
    [],
    "sub-region named in the clause before: 双城经济圈",
  ],
  [
    "sichuan-2026",
    "actual",
    2026,
    false,
    "促进五大片区协同发展，支持成都做优做强极核功能，成都都市圈主引擎地位更加凸显，泸州经济总量突破3000亿元，内江、眉山、自贡、遂宁经济总量突破2000亿元。",
    [],
    "named cities in a sentence about 片区 and 都市圈",
  ],
  [
    "beijing-2026",
    "target",
    2026,
    true,
    "包括：地区生产总值年均增速4.5%-5%、努力争取更好结果，全员劳动生产率达58万元/人左右，全社会研发投入占比6%以上，城市副中心和平原新城地区生产总值年均增长5%以上，服务贸易年均增速5%左右，城镇调查失业率控制在5%以内。",
    [
      "gdp 增速4.5%—5% t/m/2026-2030",
      "rd_intensity 6%以上 t/m/2026-2030",
      "unemployment 5%以内 t/m/2026-2030",
    ],
    "sub-region inside a list of plan indicators; 全社会研发投入占比 is intensity",
  ],
  ["guangdong-2026", "actual", 2026, false, "预计大湾区经济总量突破15万亿元。", [], "sub-region: 大湾区"],
  [
    "national-2025",
    "actual",
    2025,
    false,
    "对共建“一带一路”国家进出口增长6.4%。",
    [],
    "partial scope: trade with some countries",
  ],
  [
    "anhui-2026",
    "actual",
    2026,
    false,
    "举办创业安徽大赛等系列活动，全年新登记各类经营主体94.6万户。",
    [],
    "new registrations are not the stock",
  ],
  [
    "neimenggu-2026",
    "actual",
    2026,
    false,
    "主要经济指标增长保持在合理区间，地区生产总值增长4.7%、低于全国0.3个百分点，规上工业增加值增长6.7%、高于全国0.8个百分点。",
    ["gdp 增长4.7% a/a/2025", "industrial_value_added 增长6.7% a/a/2025"],
    "comparisons with the national rate are dropped",
  ],
  [
    "national-2016",
    "actual",
    2016,
    false,
    "现在国内生产总值每增长1个百分点的增量，相当于5年前1.5个百分点、10年前2.5个百分点的增量。",
    [],
    "a hypothetical step (每增长1个百分点) is no figure",
  ],
  [
    "hunan-2026",
    "actual",
    2026,
    false,
    "全社会研发投入年均增长11.6%。",
    ["rd_spending 增长11.6% a/m/2021-2025"],
    "研发投入 growth is R&D spending, not intensity; 年均 makes it five years",
  ],
  [
    "shaanxi-2026",
    "actual",
    2026,
    true,
    "研发投入强度2.61%、居中国西部第1，企业研发经费增长59.61%。",
    ["rd_intensity 2.61% a/a/2025"],
    "partial scope: 企业研发经费",
  ],
  [
    "sichuan-2026",
    "actual",
    2026,
    true,
    "经济总量跨过两个万亿元大关、超过6万亿元，实现历史性晋位，年均增速5.7%。",
    ["gdp 超过6万亿元 a/a/2025", "gdp 增速5.7% a/m/2021-2025"],
    "milestone and 年均增速 carried over a short aside",
  ],
  [
    "beijing-2026",
    "actual",
    2026,
    false,
    "过去五年，我们坚定疏解非首都功能，城乡建设用地规模减量约50平方公里，地区生产总值年均增长5.2%。",
    ["gdp 增长5.2% a/m/2021-2025"],
    "过去五年 makes the average multi-year",
  ],
  [
    "hebei-2026",
    "actual",
    2026,
    true,
    "全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元、实现万亿级跃升。",
    ["gdp 3.68万亿元 a/a/2020", "gdp 4.93万亿元 a/a/2025"],
    "a named year in the clause is the year described",
  ],
  [
    "guangdong-2026",
    "actual",
    2026,
    true,
    "地区生产总值从11.37万亿元提高到14.58万亿元。",
    ["gdp 11.37万亿元 a/a/2020", "gdp 14.58万亿元 a/a/2025"],
    "从X提高到Y in a five-year passage: the first level is the year before the span",
  ],
  [
    "national-1988",
    "actual",
    1988,
    true,
    "国民生产总值1987年达到10920亿元，按可比价格计算平均每年增长11.1%。",
    ["gnp 10920亿元 a/a/1987", "gnp 可比增长11.1% a/m/1983-1987"],
    "older wording: 按可比价格计算平均每年增长",
  ],
  [
    "national-1988",
    "actual",
    1988,
    true,
    "农民人均纯收入，1982年为270元，1987年提高到463元，扣除物价上涨因素，平均每年增长8.6%。",
    [
      "rural_net_income 270元 a/a/1982",
      "rural_net_income 463元 a/a/1987",
      "rural_net_income 增长8.6% a/m/1983-1987",
    ],
    "older wording: 1982年为 / 1987年提高到 continue the subject",
  ],
  [
    "national-1988",
    "target",
    1988,
    true,
    "到1992年，力争在不断提高经济效益的基础上，使国民生产总值达到15500亿元左右，平均每年增长7.5%左右。",
    ["gnp 15500亿元左右 t/m/1992", "gnp 增长7.5%左右 t/m/1988-1992"],
    "五年计划 target: 到1992年 level, 平均每年 span",
  ],
  [
    "national-1985",
    "actual",
    1985,
    false,
    "国民收入和国家财政收入都比上年增长12%，国家财政状况继续好转。",
    ["budget_revenue 增长12% a/a/1984"],
    "older term: 国家财政收入, 比上年",
  ],
  [
    "national-1997",
    "actual",
    1997,
    false,
    "国内生产总值达到６７７００多亿元，按可比价格计算，比上年增长９．７％。",
    ["gdp ６７７００多亿元 a/a/1996", "gdp 增长９．７% a/a/1996"],
    "full-width digits and 多 (older national reports)",
  ],
  [
    "national-1993",
    "actual",
    1993,
    true,
    "五年间，进出口总额增长1倍，1992年达到1656亿美元。",
    ["foreign_trade 增长1倍 a/m/1988-1992", "foreign_trade 1656亿美元 a/a/1992"],
    "五年间 total, a named year's level",
  ],
  [
    "national-2016",
    "actual",
    2016,
    false,
    "2015年是“十二五”收官之年。国内生产总值年均增长7.8%，经济总量稳居世界第二位。",
    ["gdp 增长7.8% a/m/2011-2015"],
    "“十二五”收官之年 names the span",
  ],
  [
    "national-2008",
    "actual",
    2008,
    true,
    "国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。",
    ["gdp 24.66万亿元 a/a/2007", "gdp 增长65.5% a/m/2003-2007", "gdp 增长10.6% a/m/2003-2007"],
    "a baseline year (比2002年) is not the year described",
  ],
  [
    "henan-2026",
    "target",
    2026,
    false,
    "主要预期目标是：经济增长5%左右、在实际工作中努力争取更好结果，规上工业增加值增长6.5%左右。",
    ["gdp 增长5%左右 t/a/2026", "industrial_value_added 增长6.5%左右 t/a/2026"],
    "经济增长X%左右 is the GDP target",
  ],
  [
    "national-2025",
    "target",
    2025,
    false,
    "经济增长预期目标为5%左右，既是稳就业、防风险、惠民生的需要，也有经济增长潜力和有利条件支撑。",
    ["gdp 增长5%左右 t/a/2025"],
    "经济增长潜力 is no figure; the target sentence is",
  ],
  [
    "national-2025",
    "actual",
    2025,
    false,
    "主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，增速居世界主要经济体前列，对全球经济增长的贡献率保持在30%左右。",
    ["gdp 134.9万亿元 a/a/2024", "gdp 增长5% a/a/2024"],
    "对全球经济增长的贡献率 is not GDP growth",
  ],
  [
    "national-2019",
    "target",
    2019,
    false,
    "城镇新增就业1100万人以上，城镇调查失业率5.5%左右，城镇登记失业率4.5%以内；",
    [
      "new_urban_jobs 1100万人以上 t/a/2019",
      "unemployment 5.5%左右 t/a/2019",
      "registered_unemployment 4.5%以内 t/a/2019",
    ],
    "城镇登记失业率 is its own indicator",
  ],
  [
    "national-2025",
    "actual",
    2025,
    false,
    "生态环境质量有新改善，地级及以上城市细颗粒物（PM2.5）平均浓度下降2.7%，优良天数比例上升至87.2%，地表水优良水质断面比例提高到90.4%；",
    ["pm25 下降2.7% a/a/2024", "air_quality 87.2% a/a/2024"],
    "PM2.5 and 优良天数比例",
  ],
  [
    "beijing-2026",
    "target",
    2026,
    false,
    "今年经济社会发展主要预期目标是：细颗粒物年均浓度控制在29微克/立方米左右、争取更优水平。",
    ["pm25 29微克/立方米左右 t/a/2026"],
    "PM2.5 concentration target in 微克/立方米; 年均浓度 is not a five-year average",
  ],
  [
    "national-2010",
    "actual",
    2010,
    false,
    "粮食产量5.31亿吨，再创历史新高，实现连续6年增产；",
    ["grain_output 5.31亿吨 a/a/2009"],
    "粮食产量 in 亿吨",
  ],
  [
    "henan-2026",
    "actual",
    2026,
    false,
    "社会消费品零售总额增长5.6%，进出口总值增长14.1%，粮食产量1350.97亿斤。",
    [
      "retail_sales 增长5.6% a/a/2025",
      "foreign_trade 增长14.1% a/a/2025",
      "grain_output 1350.97亿斤 a/a/2025",
    ],
    "进出口总值",
  ],
  [
    "national-2025",
    "target",
    2025,
    false,
    "今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元、比上年增加1.6万亿元。",
    ["deficit_ratio 4%左右 t/a/2025", "deficit_ratio 提高1个百分点 t/a/2025"],
    "赤字率 and its change; 赤字规模 is not the rate",
  ],
  [
    "fujian-2026",
    "actual",
    2026,
    false,
    "城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%，城镇调查失业率4.7%。",
    ["urban_income 增长4.5% a/a/2025", "rural_income 增长5.7% a/a/2025", "unemployment 4.7% a/a/2025"],
    "分别 with a shared suffix",
  ],
  [
    "national-2012",
    "actual",
    2012,
    false,
    "城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％。",
    ["urban_income 增长8.4% a/a/2011", "rural_net_income 增长11.4% a/a/2011"],
    "values joined by 和 after subjects joined by 和 pair up without 分别",
  ],
  [
    "national-2005",
    "actual",
    2005,
    false,
    "城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7.7%和6.8%。",
    [
      "urban_income 9422元 a/a/2004",
      "rural_net_income 2936元 a/a/2004",
      "urban_income 增长7.7% a/a/2004",
      "rural_net_income 增长6.8% a/a/2004",
    ],
    "分别 after subjects named in earlier clauses",
  ],
  [
    "national-2010",
    "actual",
    2010,
    false,
    "城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。",
    [
      "urban_income 17175元 a/a/2009",
      "rural_net_income 5153元 a/a/2009",
      "urban_income 增长9.8% a/a/2009",
      "rural_net_income 增长8.5% a/a/2009",
    ],
    "values listed after two subjects pair in order even without 分别",
  ],
  [
    "neimenggu-2026",
    "actual",
    2026,
    true,
    "一般公共预算收入增加近1000亿元，稳步达到3000亿元以上。",
    ["budget_revenue 增加近1000亿元 a/m/2021-2025", "budget_revenue 3000亿元以上 a/a/2025"],
    "carried subject after an adverb (稳步达到)",
  ],
  [
    "hunan-2026",
    "actual",
    2026,
    false,
    "净增经营主体34.6万家、企业14万家。",
    ["market_entities 净增34.6万家 a/a/2025"],
    "净增 is an addition, not the total; 企业 after it is a subset",
  ],
  ["guangxi-2026", "actual", 2026, false, "惠及经营主体超6.3万户次。", [], "万户次 counts visits"],
  [
    "jiangxi-2026",
    "actual",
    2026,
    false,
    "低风险经营主体“无事不扰”率达99.11%。",
    [],
    "a rate about the subject (无事不扰率) is not the subject",
  ],
  ["guangxi-2026", "actual", 2026, false, "其中工业税收增长7.3%。", [], "工业税收 is a subset of 税收"],
  [
    "yunnan-2026",
    "actual",
    2026,
    true,
    "脱贫县农村居民人均可支配收入年均增长8.2%、高于全国全省农民收入增速。",
    [],
    "sub-region: 脱贫县",
  ],
  [
    "liaoning-2026",
    "actual",
    2026,
    true,
    "实际使用外资比“十三五”时期增长78.9%。",
    ["foreign_investment 增长78.9% a/m/2021-2025"],
    "比“十三五”时期 is a baseline, the span is the one reviewed",
  ],
  [
    "national-1999",
    "actual",
    1999,
    false,
    "下半年国有单位固定资产投资增长显著加快，全年增长19·5%，全社会固定资产投资增长14·1%。",
    [],
    "digits split by a middle dot are never read as a fragment",
  ],
  [
    "national-1987",
    "actual",
    1987,
    false,
    "１９８６年同１９７８年相比，国民生产总值由３４８０亿元增加到９３８０亿元，按可比价格计算增长１０２％。",
    ["gnp ３４８０亿元 a/a/1978", "gnp ９３８０亿元 a/a/1986", "gnp 可比增长１０２% a/m/1979-1986"],
    "a comparison with a named baseline year: levels at both ends, the change over the years between",
  ],
  [
    "national-2007",
    "actual",
    2007,
    false,
    "但是，全国没有实现年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量减少2%的目标。",
    ["energy_intensity 降低4%左右 t/a/2006"],
    "a target quoted in a review (年初确定的…的目标) is a target",
  ],
  [
    "national-2007",
    "actual",
    2007,
    false,
    "2006 年，单位国内生产总值能耗由前三年分别上升4.9％、5.5％、0.2％，转为下降1.23％。",
    ["energy_intensity 下降1.23% a/a/2006"],
    "values listed with 分别 that pair with no subjects stay unattached; 转为下降 is the year's own figure",
  ],
  [
    "guizhou-2026",
    "actual",
    2026,
    false,
    "新增五星级饭店16家、等级民宿638家，培育规上（限上）涉旅经营主体737家。",
    [],
    "partial scope: 涉旅经营主体 is not all market entities",
  ],
  [
    "heilongjiang-2026",
    "target",
    2026,
    false,
    "产业项目3800个，总投资1万亿元以上，高技术制造业投资增长10%以上。",
    [],
    "partial scope: 高技术制造业投资 is not 制造业投资",
  ],
  [
    "national-2004",
    "actual",
    2004,
    false,
    "为继续落实“两个确保”和“三条保障线”，2003年中央财政支出700亿元。",
    [],
    "partial scope: 中央财政支出 is not the budget expenditure",
  ],
  [
    "national-2011",
    "actual",
    2011,
    true,
    "服务业快速发展，在国内生产总值中占比提高2.5个百分点。",
    [],
    "a share 在GDP中占比 is not GDP",
  ],
  [
    "xizang-2026",
    "actual",
    2026,
    true,
    "城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元。",
    ["urban_income 58794元 a/a/2025", "rural_income 23184元 a/a/2025"],
    "从2021年的…分别提高到…: the reached levels are the review year's",
  ],
  [
    "guangxi-2026",
    "actual",
    2026,
    true,
    "经济实力实现新跨越，地区生产总值年均增长4.8%，2025年总量比2020年增加超7400亿元。",
    ["gdp 增长4.8% a/m/2021-2025", "gdp 增加超7400亿元 a/m/2021-2025"],
    "a change since a baseline year (比2020年增加) spans the years after it",
  ],
  [
    "gansu-2026",
    "target",
    2026,
    false,
    "新增省级创新平台30个、专精特新中小企业100户、高新技术企业150家。",
    ["high_tech_enterprises 新增150家 t/a/2026"],
    "新增 heading a list applies to every item",
  ],
  [
    "jilin-2026",
    "actual",
    2026,
    false,
    "省内有进出口实绩的企业数量增长7%。",
    [],
    "a count of enterprises trading is not trade",
  ],
  [
    "heilongjiang-2026",
    "target",
    2026,
    true,
    "推动口岸经济向进出口加工等多元化经济发展转变，进出口加工总值达到1000亿元。",
    [],
    "进出口加工总值 is processing trade, not total trade",
  ],
  [
    "shanxi-2026",
    "actual",
    2026,
    false,
    "PM2.5浓度降至30微克/立方米，优良天数比例同比提升7.2个百分点。",
    ["pm25 30微克/立方米 a/a/2025", "air_quality 提升7.2个百分点 a/a/2025"],
    "PM2.5 level in 微克/立方米; 提升 as the change",
  ],
  [
    "national-1980",
    "actual",
    1980,
    false,
    "今年上半年，社会商品零售总额又比去年同期增长18.5％。",
    [],
    "part of a year (上半年) is not the year",
  ],
  [
    "liwan-2023",
    "actual",
    2023,
    false,
    "前三季度主要指标稳健攀升,增速位居全市前列,第四季度受疫情和前年同期高基数的双重影响,全区经济有所回落,全年实现地区生产总值1215.57亿元、增长1.1%,增速排名全市第七,高于全市平均水平,其中:规模以上工业总产值371.21亿元、增长5.2%;",
    [
      "gdp 1215.57亿元 a/a/2022",
      "gdp 增长1.1% a/a/2022",
      "industrial_output 371.21亿元 a/a/2022",
      "industrial_output 增长5.2% a/a/2022",
    ],
    "a part of the year (前三季度) named before 全年 does not make the year's figures partial",
  ],
  [
    "national-1956",
    "target",
    1956,
    false,
    "地方财政是整个国家财政的重要构成部分，国家财政收入的６０％左右要经过地方收交。",
    [],
    "a share of the subject (国家财政收入的６０％) is not its value",
  ],
  [
    "national-2001",
    "actual",
    2001,
    true,
    "五年累计实际利用外资2894亿美元，比“八五”时期增长79.6％。",
    ["foreign_investment 2894亿美元 a/m/1996-2000", "foreign_investment 增长79.6% a/m/1996-2000"],
    "比“八五”时期 is the baseline; the span is the plan reviewed",
  ],
  [
    "national-2007",
    "actual",
    2007,
    false,
    "经济增长连续四年达到或略高于10%。",
    ["gdp 增长10% a/m/2003-2006"],
    "连续四年 spans four years",
  ],
  [
    "hainan-2026",
    "actual",
    2026,
    false,
    "CPI微降0.1%。",
    ["cpi 微降0.1% a/a/2025"],
    "微降 is a change: CPI fell, it did not stand at 0.1%",
  ],
];

describe("issue 11 rules on real sentences", () => {
  test.each(RULES)("%s (%s): %s", (_report, kind, year, multiYear, sentence, want) => {
    const got = extractText(sentence, lexicon, { kind, year, multiYear })
      .filter((s) => s.value !== null)
      .map(
        (s) =>
          `${s.indicatorId} ${formatValue(s)} ${s.kind[0]}/${s.horizon[0]}/${s.about}${s.aboutEnd ? `-${s.aboutEnd}` : ""}`,
      );
    expect(got).toEqual(want);
  });
});

/** A review section read as a whole report: passages carry their five years, or their one year. */
function reviewOf(body: string): string[] {
  const report = {
    id: "x",
    region: "测试省",
    year: 2026,
    reviewYear: 2025,
    targetYear: 2026,
    paragraphs: parseReport("x", `各位代表：\n一、2025年和“十四五”时期工作回顾\n${body}`),
  } as unknown as Parameters<typeof extractReportStatements>[0];
  return extractReportStatements(report, buildMatcher(lexicon))
    .filter((s) => s.value !== null)
    .map(
      (s) =>
        `${s.indicatorId} ${formatValue(s)} ${s.horizon[0]}/${s.about}${s.aboutEnd ? `-${s.aboutEnd}` : ""}`,
    );
}

describe("five-year passages in a review (issue 11)", () => {
  test("anhui-2026: a paragraph opening on the plan's last year starts a five-year passage", () => {
    expect(reviewOf("2025年是“十四五”收官之年。\n单位地区生产总值能耗下降17%。")).toEqual([
      "energy_intensity 下降17% m/2021-2025",
    ]);
  });

  test("jilin-2026: the plan's last year going on in the same sentence reviews the one year", () => {
    expect(
      reviewOf("2025年是“十四五”收官之年，习近平总书记再次踏上吉林大地。我们顶压前行，地区生产总值增长5%。"),
    ).toEqual(["gdp 增长5% a/2025"]);
  });

  test("qinghai-2026: the same opening followed by 很不平凡的一年 reviews the one year", () => {
    expect(
      reviewOf("2025年是“十四五”收官之年，是青海发展历程中很不平凡的一年。地区生产总值增长4.1%。"),
    ).toEqual(["gdp 增长4.1% a/2025"]);
  });

  test("guangdong-2026: 各位代表！经过五年接续奋斗 opens the five years; a level stands at their end", () => {
    expect(
      reviewOf("各位代表！经过五年接续奋斗，我们取得新成就。\n地区生产总值从11.37万亿元提高到14.58万亿元。"),
    ).toEqual(["gdp 11.37万亿元 a/2020", "gdp 14.58万亿元 a/2025"]);
  });
});

describe("older national reports: results reported inside a plan section", () => {
  test("national-1987: sentences after 1986年同1978年相比 report results over 1979–1986, not targets", () => {
    const report = {
      id: "x",
      region: "全国",
      year: 1987,
      reviewYear: 1986,
      targetYear: 1987,
      paragraphs: parseReport(
        "x",
        "各位代表：\n一、当前国内形势和基本任务\n正文。\n二、坚持长期稳定发展经济的方针\n近八年来，我国经济实力有了很大的增加。１９８６年同１９７８年相比，国民生产总值由３４８０亿元增加到９３８０亿元，按可比价格计算增长１０２％；国家财政收入由１１２１亿元增加到２２２０亿元，增长９８％。",
      ),
    } as unknown as Parameters<typeof extractReportStatements>[0];
    const got = extractReportStatements(report, buildMatcher(lexicon)).map(
      (s) =>
        `${s.indicatorId} ${formatValue(s)} ${s.kind[0]}/${s.horizon[0]}/${s.about}${s.aboutEnd ? `-${s.aboutEnd}` : ""}`,
    );
    expect(got).toEqual([
      "gnp ３４８０亿元 a/a/1978",
      "gnp ９３８０亿元 a/a/1986",
      "gnp 可比增长１０２% a/m/1979-1986",
      "budget_revenue １１２１亿元 a/a/1978",
      "budget_revenue ２２２０亿元 a/a/1986",
      "budget_revenue 增长９８% a/m/1979-1986",
    ]);
  });
});

describe("a plan section's paragraph that looks back", () => {
  test("national-2011: sentences after 过去一年，… report that year, not targets", () => {
    const report = {
      id: "x",
      region: "全国",
      year: 2011,
      reviewYear: 2010,
      targetYear: 2011,
      paragraphs: parseReport(
        "x",
        "各位代表：\n二、2011年的主要任务\n2011年，是“十二五”开局之年，做好今年的工作对于完成“十二五”各项目标任务至关重要。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，居民消费价格涨幅控制在 3.3%，城镇新增就业1168万人，国际收支状况有所改善。",
      ),
    } as unknown as Parameters<typeof extractReportStatements>[0];
    const got = extractReportStatements(report, buildMatcher(lexicon)).map(
      (s) => `${s.indicatorId} ${formatValue(s)} ${s.kind[0]}/${s.horizon[0]}/${s.about}`,
    );
    expect(got).toEqual(["gdp 增长10.3% a/a/2010", "cpi 3.3% a/a/2010", "new_urban_jobs 1168万人 a/a/2010"]);
  });
});
