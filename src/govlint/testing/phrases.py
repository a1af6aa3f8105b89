"""Plausible wording for generated reports, taken from the shapes of real reports (seeds and corpus).

Names, prose and the real variants of the fee statement (spec §8.4), the statistics period and the title.
Templates use ``{Y}`` (report year), ``{Y1}`` (the next year), ``{we}`` (我镇, 我局 …), ``{agency}`` and ``{n}``.
"""

from __future__ import annotations

from govlint import schema

# ----- names -----------------------------------------------------------------------------------------------

COUNTIES: tuple[str, ...] = (
    "崇阳县", "叶城县", "高平市", "洪泽区", "文登区", "荣成市", "章丘区", "九原区", "金湖县", "舒兰市",
    "谯城区", "历下区", "泗洪县", "沭阳县", "长汀县", "安溪县", "宁都县", "临朐县", "汶上县", "武功县",
    "淮安市洪泽区", "威海市文登区", "济南市历下区", "高平市", "咸宁市崇阳县",
)  # fmt: skip
TOWNS: tuple[str, ...] = (
    "洪山", "河园", "米山", "勍香", "上庄", "石门", "桥头", "青龙", "白沙", "龙泉", "新塘", "东坝",
    "双河", "柳林", "马庄", "杨集", "南湖", "北关", "黄庄", "三河", "蒋坝", "岔河",
)  # fmt: skip
STREETS: tuple[str, ...] = ("大明湖", "城关", "东城", "西湖", "解放路", "文化路", "新华", "人民路", "千佛山", "泉城路")
DEPARTMENTS: tuple[str, ...] = (
    "财政局", "政务服务和大数据管理局", "行政审批局", "市场监督管理局", "自然资源局", "交通运输局",
    "农业农村局", "卫生健康委员会", "教育局", "人力资源和社会保障局", "生态环境局", "住房和城乡建设局",
    "应急管理局", "民政局", "司法局", "人民政府办公室", "统计局", "医疗保障局", "退役军人事务局",
    "文化和旅游局", "财政金融局", "综合执法与应急管理局",
)  # fmt: skip


def self_reference(agency: str, kind: str) -> str:
    """How a body names itself in its prose: 我镇, 我街道, 我局, 我委, 我办, 我县, 我区, 我市."""
    if kind == "township":
        return "我乡" if agency.endswith("乡人民政府") else "我镇"
    if kind == "street":
        return "我街道"
    if kind == "government":
        return "我" + agency.removesuffix("人民政府")[-1]
    if agency.endswith("委员会"):
        return "我委"
    if agency.endswith("办公室"):
        return "我办"
    return "我局"


# ----- title (spec §2 item 2) -------------------------------------------------------------------------------

TITLE_TEMPLATES: tuple[str, ...] = (
    "{agency}{Y}年" + schema.TITLE_CORE,
    "{agency}{Y}年度" + schema.TITLE_CORE,
    "{Y}年{agency}" + schema.TITLE_CORE,
)

# ----- preamble ---------------------------------------------------------------------------------------------

BASIS_2021 = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发"
    "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，结合{we}实际，"
    "编制本报告。"
)
BASIS_2019 = (
    "根据《中华人民共和国政府信息公开条例》《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告"
    "有关事项的通知》要求，结合{we}实际，编制本报告。"
)
PARTS_SENTENCE = (
    "本报告全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、"
    "行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。"
)
CONTACT = (
    "本报告的电子版可在{agency}门户网站查阅。如对本报告有任何疑问，请与{agency}办公室联系"
    "（地址：人民路{n}号；邮编：{zip}；电话：0{area}-{phone}）。"
)

#: Statistics period sentences (spec §8.1), ``{start}`` and ``{end}`` are printed dates.
PERIOD_TEMPLATES: tuple[str, ...] = (
    "本报告中所列数据的统计期限为{start}至{end}。",
    "本报告所列数据的统计期限自{start}起至{end}止。",
    "报告中所列数据统计期限自{start}起至{end}止。",
)

# ----- sections ---------------------------------------------------------------------------------------------

OVERVIEW_OPENINGS: tuple[str, ...] = (
    "{Y}年，{we}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
    "扎实推进政务公开工作，以公开促落实、促规范、促服务。",
    "{Y}年，在上级政府的正确领导和政务公开主管部门的业务指导下，{we}严格落实政府信息公开各项工作要求，"
    "加大重点领域信息公开力度，政府信息公开工作取得新进展。",
    "一年来，{we}按照政府信息公开工作的统一部署，认真组织，狠抓落实，建立健全相关制度，进一步规范政府信息公开内容。",
)
#: The sub-headings real reports use in section 一 (spec §3.2) and a sentence for each.
OVERVIEW_PARTS: tuple[tuple[str, str], ...] = (
    ("主动公开", "全年主动公开政府信息{n}条，其中通过政府网站公开{m}条，通过政务新媒体公开{k}条。"),
    ("依申请公开", "进一步规范依申请公开受理、登记、审核、答复、归档等程序，严格按照法定时限答复。"),
    ("政府信息管理", "严格执行信息发布“三审三校”制度，对拟公开的政府信息进行保密审查，确保发布内容准确规范。"),
    ("政府信息公开平台建设", "加强政府网站和政务新媒体日常管理，及时更新栏目内容，不断提升平台服务水平。"),
    ("监督保障", "将政府信息公开工作纳入年度考核，健全工作机制，明确专人负责，确保各项工作落到实处。"),
)
#: Seed 000's numbered items inside section 一, which reuse the top-level numerals 一、二、三、.
OVERVIEW_NUMBERED: tuple[str, ...] = (
    "一、加强领导，提高认识。进一步提高对信息公开工作的重视程度，将信息公开工作纳入重要议事日程。",
    "二、发挥优势，突出重点。利用政务新媒体账号发挥传播迅速、互动性强的优势，安排专人负责运营。",
    "三、提升影响，营造氛围。信息传播范围不断扩大，有效提升了政府的公信力。",
)
ACTIVE_PROSE: tuple[str, ...] = (
    "{Y}年，{we}主动公开政府信息共计{n}条。",
    "（一）主动公开政府信息的数量。{Y}年制作、获取政府信息{n}条，全部按规定主动公开。",
)
APPLICATIONS_PROSE: tuple[str, ...] = ("{Y}年，{we}共收到政府信息公开申请{n}件，均在法定期限内答复。",)
REVIEW_PROSE: tuple[str, ...] = (
    "本年度{we}未发生因政府信息公开引起的行政复议、行政诉讼。",
    "{Y}年，{we}因政府信息公开工作被申请行政复议、提起行政诉讼的情况如下表。",
)
PROBLEMS: tuple[str, ...] = (
    "{Y}年，{we}政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容不够全面，部分信息更新不够及时；"
    "二是政策解读形式不够丰富；三是工作人员业务能力有待提高。",
    "存在不足：部分栏目内容更新不够及时，信息公开的深度和广度有待进一步拓展。",
    "（一）存在的主要问题：政务公开队伍建设有待加强，信息发布的规范性还需提升。",
)
IMPROVEMENTS: tuple[str, ...] = (
    "下一步，{we}将进一步提高思想认识，加强业务培训，丰富政策解读形式，不断提升政府信息公开工作水平。",
    "改进措施：强化责任落实，完善信息发布审核机制，拓宽公开渠道，切实保障群众的知情权、参与权和监督权。",
    "{Y1}年，{we}将继续加大重点领域信息公开力度，提升政务公开规范化、标准化水平。",
)
OTHER_MATTERS: tuple[str, ...] = (
    "无其他需要报告的事项。",
    "（二）政务公开其他工作 没有其他需要报告的事项。",
    "{Y}年度{we}无因政府信息公开工作被追责问责的情况。",
)

# ----- fee statements (spec §8.4) ---------------------------------------------------------------------------

_FEE_BASIS = "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）"

#: "No fee": wordings seen in real reports (seeds 000, 002, 003; the Pingtan corpus; 洪泽区; 金湖县).
FEE_NONE: tuple[str, ...] = (
    "按照" + _FEE_BASIS + "规定的按件、按量收费标准，本年度没有产生信息公开处理费。",
    "{Y}年，无收取信息处理费情况。",
    "{Y}年度本机关未收取信息处理费。",
    "{Y}年度{we}未产生信息公开处理费。",
    "{Y}年度未收取政府信息公开信息处理费。",
    "{Y}年，{we}严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。",
    "本年度未产生政府信息公开信息处理费用。",
    "本年度未收取政府信息处理相关费用。",
    # Other ways of saying that nothing was charged (section 六 only; #10 audit).
    "{Y}年度{we}未向申请人收费。",
    "本年度无政府信息公开收费事项。",
    "本年度依申请公开均免费提供。",
    "信息处理费收取情况：0。",
)
#: Wordings that do not cite the 2020 fee measure, for the 2019 and 2020 reports.
FEE_NONE_EARLY: tuple[str, ...] = (
    "本年度无收取信息处理费情况。",
    "{Y}年，无收取信息处理费情况。",
    "{Y}年度本机关未收取信息处理费。",
)
#: Fee notices were issued and went unpaid (table row (六)2 > 0): consistent with "nothing collected".
FEE_NOTICES_UNPAID: tuple[str, ...] = (
    "本年度{we}共发出收费通知{n}件，申请人均未按期缴纳，实际收取信息处理费0元。",
    "{Y}年，{we}向申请人发出信息处理费收费通知{n}件，未实际收取信息处理费。",
)
#: An amount was collected.
FEE_AMOUNT: tuple[str, ...] = (
    "{Y}年，{we}对{n}件政府信息公开申请收取了信息处理费{amount}元。",
    "本年度共收取信息处理费{amount}元，涉及政府信息公开申请{n}件。",
)
#: Says that no fee notice was issued at all: contradicts a table with (六)2 > 0 (GL302).
FEE_NO_NOTICE: tuple[str, ...] = (
    "本年度{we}未向申请人发出信息处理费收费通知，未收取信息处理费。",
    "{Y}年，{we}未发出政府信息公开信息处理费收费通知，未收取任何费用。",
)
#: Section 六 with no fee statement (seed 001, many 2019 reports): GL301.
FEE_ABSENT: tuple[str, ...] = ("无。", "无其他需要报告的事项。", "暂无。")
FEE_SUBHEADING = "（一）收取信息处理费情况"

# ----- metadata and page chrome -----------------------------------------------------------------------------

CRAWLER_BANNER = "==================== 正文 ===================="
