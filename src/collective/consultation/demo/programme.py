"""The 2018 programme of the Xianning CPPCC, built from its 2018 work report (the seed).

The report names the topics, the kinds and several dated activities; everything else
here (times, rooms, invitees, the individual suggestions and how each was handled) is
invented to look like a real year and is marked as demo data in each description.
"""

YEAR = 2018
PROGRAMME_TITLE = "政协咸宁市委员会2018年度协商计划"
PROGRAMME_DESCRIPTION = (
    "2018年市政协围绕幕阜山片区农村饮水质量、农村生活垃圾社会化服务、保护企业合法权益、"
    "侨务工作、贫困群众内生动力、康养产业、乡村医生素质、绿色生态屏障、防范金融风险、"
    "地方古籍文献整理保护等问题，开展专题调研、委员视察和双月协商、界别协商、对口协商等32次，"
    "提出对策建议100余条。（演示数据，据《咸宁市政协2018年工作报告》编制。）"
)

SEED_NOTE = "（据2018年工作报告；时间、地点、参加人和各条建议为演示数据。）"
DEMO_NOTE = "（演示数据：工作报告未载明细节，时间、地点、参加人和各条建议为虚构。）"

# 议题 (topics) the report lists, and the units that answer on each.
TOPICS = {
    "water": ("幕阜山片区农村饮水质量", "市水利和湖泊局", ["市卫生健康委员会", "市生态环境局"]),
    "waste": ("提高农村生活垃圾收集清运处理社会化服务水平", "市住房和城乡建设委员会",
              ["市城市管理执法委员会", "市财政局"]),
    "enterprise": ("保护企业合法权益", "市发展和改革委员会", ["市市场监督管理局", "市司法局", "市工商业联合会"]),
    "overseas": ("做好侨务工作", "市人民政府外事侨务办公室", ["市归国华侨联合会"]),
    "poverty": ("提升贫困群众内生动力", "市扶贫开发办公室", ["市人力资源和社会保障局", "市教育局"]),
    "wellness": ("促进康养产业发展", "市发展和改革委员会", ["市民政局", "市文化和旅游局", "市卫生健康委员会"]),
    "doctors": ("提升乡村医生素质", "市卫生健康委员会", ["市人力资源和社会保障局", "市财政局"]),
    "ecology": ("构筑绿色生态屏障", "市生态环境局", ["市林业局", "市自然资源和规划局", "市幕阜山绿色产业建设指挥部办公室"]),
    "finance": ("防范金融风险", "市地方金融工作局", ["人民银行咸宁市中心支行", "咸宁银保监分局"]),
    "books": ("加强地方古籍文献整理保护", "市文化和旅游局", ["市图书馆", "市档案馆"]),
    "relics": ("幕阜山片区文物保护利用", "市文化和旅游局", ["通城县人民政府", "崇阳县人民政府", "通山县人民政府"]),
    "investment": ("打造招商引资和项目建链新格局", "市招商局", ["市发展和改革委员会", "市经济和信息化委员会"]),
    "reform": ("委员督办检查重点改革项目", "市委全面深化改革领导小组办公室", []),
    "villages": ("美丽乡村建设", "市农业农村局", ["市住房和城乡建设委员会"]),
}

HALL = "市政协机关三楼会议室"

# Each consultation: when, what kind, on which topic, who organised it, its state in the
# demo, and the suggestions it produced (titles; their handling is assigned in builder.py).
CONSULTATIONS = (
    # --- 双月协商 (bimonthly) -----------------------------------------------------------
    dict(id="2018-02-28-bimonthly", kind="bimonthly", topic="poverty", start="2018-02-28 09:00", hours=3,
         title="提升贫困群众内生动力双月协商会", committee="agriculture", location=HALL, state="minuted",
         suggestions=["建立扶贫与扶志扶智相结合的激励机制", "以奖代补引导贫困户发展特色种养业",
                      "加强贫困村致富带头人培养", "推广“村规民约+红黑榜”破除等靠要思想"]),
    dict(id="2018-04-26-bimonthly", kind="bimonthly", topic="wellness", start="2018-04-26 09:00", hours=3,
         title="促进康养产业发展双月协商会", committee="economy", location=HALL, state="minuted",
         suggestions=["编制全市康养产业发展专项规划", "依托温泉资源打造国家级康养旅游示范基地",
                      "支持社会资本兴办医养结合机构", "设立康养产业发展引导基金"]),
    dict(id="2018-06-28-bimonthly", kind="bimonthly", topic="water", start="2018-06-28 09:00", hours=3,
         title="幕阜山片区农村安全饮水双月协商会", committee="population_environment", location=HALL,
         state="minuted", seed=True,
         suggestions=["将幕阜山片区农村饮水安全巩固提升纳入市级重点民生工程", "推行农村供水工程县级统管、专业运营",
                      "建立水源地保护区划定和水质定期检测公示制度", "加大小型集中供水工程消毒设施配备力度",
                      "探索城乡供水一体化，推动城镇管网向农村延伸"]),
    dict(id="2018-08-30-bimonthly", kind="bimonthly", topic="waste", start="2018-08-30 09:00", hours=3,
         title="提高农村生活垃圾收集清运处理社会化服务水平双月协商会", committee="population_environment",
         location=HALL, state="minuted",
         suggestions=["以县为单位整体打包购买农村垃圾收运服务", "建立农村保洁员队伍稳定经费保障机制",
                      "推进农村生活垃圾源头分类减量试点", "对第三方服务企业实行考核与付费挂钩"]),
    dict(id="2018-10-30-bimonthly", kind="bimonthly", topic="finance", start="2018-10-30 09:00", hours=3,
         title="防范化解金融风险双月协商会", committee="economy", location=HALL, state="held",
         suggestions=["建立地方金融风险监测预警平台", "加大非法集资宣传教育和打击力度",
                      "完善企业互保联保风险化解机制", "把服务实体经济作为防范金融风险的根本之策"]),
    dict(id="2018-12-20-bimonthly", kind="bimonthly", topic="books", start="2018-12-20 09:00", hours=3,
         title="加强地方古籍文献整理保护双月协商会", committee="culture_history", location=HALL,
         state="scheduled", suggestions=[]),
    # --- 界别协商 (sectoral) ------------------------------------------------------------
    dict(id="2018-03-22-sectoral", kind="sectoral", sector="medicine_health", topic="doctors",
         start="2018-03-22 14:30", hours=2.5, title="医药卫生界“提升乡村医生素质”界别协商会",
         committee="education_health", location="市中心医院会议室", state="minuted",
         suggestions=["实施乡村医生学历提升计划", "建立乡村医生定期到县级医院进修制度",
                      "落实乡村医生养老保障政策", "推行“乡聘村用”稳定村医队伍"]),
    dict(id="2018-05-17-sectoral", kind="sectoral", sector="industry_commerce", topic="enterprise",
         start="2018-05-17 14:30", hours=2.5, title="工商联界“保护企业合法权益”界别协商会",
         committee="economy", location="市工商联会议室", state="minuted",
         suggestions=["建立涉企执法检查“双随机、一公开”全覆盖机制", "设立企业维权服务中心和投诉直通车",
                      "清理政府部门拖欠民营企业账款", "审慎适用查封扣押冻结等强制措施"]),
    dict(id="2018-07-12-sectoral", kind="sectoral", sector="overseas_chinese", topic="overseas",
         start="2018-07-12 14:30", hours=2.5, title="归侨侨眷界“做好新时代侨务工作”界别协商会",
         committee="overseas", location="市侨联会议室", state="minuted",
         suggestions=["建立海外侨胞和侨资企业信息库", "搭建以侨引资引智平台",
                      "依法保护归侨侨眷合法权益"]),
    dict(id="2018-09-20-sectoral", kind="sectoral", sector="agriculture", topic="ecology",
         start="2018-09-20 14:30", hours=2.5, title="农业界“幕阜山绿色产业带建设”界别协商会",
         committee="agriculture", location="通山县政协会议室", state="minuted",
         suggestions=["发展林下经济和生态茶产业", "建立生态产品价值实现机制",
                      "加强幕阜山片区农产品区域公用品牌建设", "推进退化林修复和森林质量提升"]),
    dict(id="2018-11-22-sectoral", kind="sectoral", sector="social_welfare", topic="wellness",
         start="2018-11-22 14:30", hours=2.5, title="社会福利和社会保障界“康养产业人才培养”界别协商会",
         committee="social_legal", location=HALL, state="minuted",
         suggestions=["在咸宁职业技术学院开设康养护理专业", "建立养老护理员职业技能等级认定和补贴制度",
                      "引导医学院校毕业生到康养机构就业"]),
    # --- 对口协商 (counterpart) ---------------------------------------------------------
    dict(id="2018-03-29-counterpart", kind="counterpart", topic="water", start="2018-03-29 09:00", hours=2.5,
         title="与市水利和湖泊局对口协商农村饮水安全", committee="population_environment",
         units=["市水利和湖泊局", "市卫生健康委员会"], location="市水利和湖泊局会议室", state="minuted",
         suggestions=["制定农村饮水工程运行管护办法", "落实农村供水工程维修养护资金",
                      "建立农村饮水安全应急供水预案"]),
    dict(id="2018-05-24-counterpart", kind="counterpart", topic="waste", start="2018-05-24 09:00", hours=2.5,
         title="与市住房和城乡建设委员会对口协商农村生活垃圾治理", committee="population_environment",
         units=["市住房和城乡建设委员会", "市城市管理执法委员会"], location="市住建委会议室", state="minuted",
         suggestions=["加快乡镇垃圾中转站建设", "推广农村垃圾收运“户分类、村收集、镇转运、县处理”模式",
                      "整治非正规垃圾堆放点"]),
    dict(id="2018-07-26-counterpart", kind="counterpart", topic="finance", start="2018-07-26 09:00", hours=2.5,
         title="与市地方金融工作局对口协商防范金融风险", committee="economy",
         units=["市地方金融工作局", "人民银行咸宁市中心支行", "咸宁银保监分局"], location="市金融局会议室",
         state="minuted",
         suggestions=["开展互联网金融风险专项整治", "建立金融风险处置联席会议制度",
                      "提升农村金融消费者风险意识"]),
    dict(id="2018-09-27-counterpart", kind="counterpart", topic="ecology", start="2018-09-27 09:00", hours=3,
         title="幕阜山绿色产业带《建议案》办理落实情况对口协商", committee="population_environment",
         units=["市幕阜山绿色产业建设指挥部办公室", "市发展和改革委员会", "市林业局"],
         location="市幕指会议室", state="minuted", seed=True,
         suggestions=["对《建议案》责任分解事项实行清单化督办", "加快产业带基础设施和重点示范工程建设",
                      "强化产业带环境整治和生态修复", "完善产业带招商引资项目库"]),
    dict(id="2018-11-15-counterpart", kind="counterpart", topic="doctors", start="2018-11-15 09:00", hours=2.5,
         title="与市卫生健康委员会对口协商乡村医生队伍建设", committee="education_health",
         units=["市卫生健康委员会"], location="市卫健委会议室", state="cancelled",
         cancel_note="因市卫健委机构改革调整，本次对口协商取消，议题并入12月远程协商。（演示数据）",
         suggestions=[]),
    # --- 专题协商 (topical) ------------------------------------------------------------
    dict(id="2018-04-12-topical", kind="topical", topic="reform", start="2018-04-12 15:00", hours=2,
         title="市政协委员督办检查重点改革项目方式方法专题会", committee="general_office", location=HALL,
         state="minuted", seed=True,
         suggestions=["明确委员督办检查的项目清单和时间安排", "建立督办检查情况反馈和通报机制",
                      "将委员参与督办情况纳入履职档案"]),
    dict(id="2018-06-14-topical", kind="topical", topic="overseas", start="2018-06-14 09:00", hours=3,
         title="做好新时代侨务工作专题协商会", committee="overseas", location=HALL, state="minuted",
         suggestions=["成立咸宁海外联谊会分支机构", "支持归国留学人员创新创业",
                      "加强华文教育和侨务宣传"]),
    dict(id="2018-08-16-topical", kind="topical", topic="ecology", start="2018-08-16 09:00", hours=3,
         title="构筑绿色生态屏障专题协商会", committee="population_environment", location=HALL,
         state="minuted",
         suggestions=["严格落实生态保护红线管控", "推进长江岸线和湖泊生态修复",
                      "建立跨县域生态补偿机制", "加强自然保护地整合优化"]),
    dict(id="2018-10-11-topical", kind="topical", topic="ecology", start="2018-10-11 09:00", hours=4,
         title="武汉城市圈政协主席论坛生态优先绿色发展跨区域协商", committee="general_office",
         location="武汉市", state="minuted", seed=True,
         suggestions=["建立城市圈生态环境联防联治机制", "共建城市圈绿色产业协作平台",
                      "推动城市圈流域上下游横向生态补偿"]),
    # --- 议政性常委会议 (standing committee) -------------------------------------------
    dict(id="2018-05-30-standing", kind="standing_committee", topic="ecology", start="2018-05-30 09:00", hours=4,
         title="议政性常委会议：专题协商幕阜山绿色产业带建设", committee="general_office",
         location="市政协机关大会议室", state="minuted", seed=True,
         suggestions=["将产业带建设纳入全市高质量发展考核", "设立幕阜山绿色产业发展专项资金",
                      "建立产业带片区三县协同推进机制", "加快幕阜山旅游公路建设"]),
    dict(id="2018-08-23-standing", kind="standing_committee", topic="investment", start="2018-08-23 09:00",
         hours=4, title="议政性常委会议：打造招商引资和项目建链新格局", committee="economy",
         location="市政协机关大会议室", state="minuted", seed=True,
         suggestions=["调整优化招商引资工作机制", "围绕主导产业开展建链补链强链招商",
                      "加强招商信息资源整合共享", "建立重大招商项目全程代办服务制度"]),
    dict(id="2018-12-13-standing", kind="standing_committee", topic="enterprise", start="2018-12-13 09:00",
         hours=4, title="议政性常委会议：优化营商环境保护企业合法权益", committee="economy",
         location="市政协机关大会议室", state="minuted",
         suggestions=["开展营商环境第三方评估", "建立政商交往正面和负面清单",
                      "推行企业开办“一窗通办”"]),
    # --- 网络议政/远程协商 (online) ----------------------------------------------------
    dict(id="2018-09-12-online", kind="online", topic="relics", start="2018-09-12 09:30", hours=2.5,
         title="幕阜山片区文物保护利用电视议政专题会", committee="culture_history",
         location="咸宁广播电视台演播厅", online_url="https://live.example.org/yunshang-xianning/2018-09-12",
         state="minuted", seed=True,
         suggestions=["开展幕阜山片区不可移动文物全面普查", "落实文物保护县乡村三级责任制",
                      "将文物保护利用与全域旅游融合发展", "设立文物保护利用专项资金",
                      "培养基层文物保护专业人才"]),
    dict(id="2018-12-06-online", kind="online", topic="doctors", start="2018-12-06 15:00", hours=2,
         title="乡村医生队伍建设市县政协远程协商", committee="education_health", location=HALL,
         online_url="https://meet.example.org/xianning-cppcc/2018-12-06", state="draft", suggestions=[]),
    # --- 委员视察 (inspection) ---------------------------------------------------------
    dict(id="2018-03-15-inspection", kind="inspection", topic="water", start="2018-03-15 08:30", hours=8,
         title="委员视察幕阜山片区农村饮水工程", committee="population_environment",
         location="通城县、崇阳县、通山县", state="minuted",
         suggestions=["加快老旧供水管网改造", "解决部分山区村季节性缺水问题",
                      "规范村级供水收费和管护"]),
    dict(id="2018-06-07-inspection", kind="inspection", topic="waste", start="2018-06-07 08:30", hours=8,
         title="委员视察农村生活垃圾治理工作", committee="population_environment",
         location="咸安区、嘉鱼县", state="minuted",
         suggestions=["加大农村垃圾收运车辆和设施投入", "建立农村人居环境整治长效考评机制",
                      "发挥村民自治作用推进垃圾治理"]),
    dict(id="2018-09-11-inspection", kind="inspection", topic="relics", start="2018-09-11 08:30", hours=8,
         title="委员、专家学者、新闻媒体实地察看文物保护情况", committee="culture_history",
         location="通城县、崇阳县、通山县", state="minuted", seed=True,
         suggestions=["抢救性修缮濒危古民居和古建筑", "建立文物安全巡查和监测制度",
                      "加强革命文物保护和红色资源利用"]),
    dict(id="2018-11-08-inspection", kind="inspection", topic="poverty", start="2018-11-08 08:30", hours=8,
         title="委员视察精准扶贫工作（通山县泉港村）", committee="agriculture",
         location="通山县泉港村", state="held", seed=True,
         suggestions=["巩固泉港村龙虾、莲藕等特色产业", "建立脱贫户防返贫动态监测机制",
                      "加强驻村工作队与村“两委”协作"]),
    # --- 专题调研 (research) -----------------------------------------------------------
    dict(id="2018-05-10-research", kind="research", topic="finance", start="2018-05-10 09:00", hours=8,
         title="防范金融风险专题调研", committee="economy", location="市直有关部门、咸宁高新区",
         state="minuted", seed=True,
         suggestions=["建立政府性债务风险预警机制", "规范发展小额贷款公司和融资担保机构",
                      "加强对类金融机构的监管"]),
    dict(id="2018-08-09-research", kind="research", topic="villages", start="2018-08-09 08:30", hours=8,
         title="美丽乡村建设专题调研", committee="agriculture", location="咸安区、赤壁市",
         state="minuted", seed=True,
         suggestions=["统筹编制村庄规划", "保护传统村落和乡土风貌",
                      "发展乡村旅游带动农民增收", "完善美丽乡村建设投入机制"]),
    dict(id="2018-10-18-research", kind="research", topic="books", start="2018-10-18 09:00", hours=8,
         title="地方古籍文献整理保护专题调研", committee="culture_history",
         location="市图书馆、市档案馆", state="held",
         suggestions=["开展全市古籍普查登记", "建设地方文献数字化资源库",
                      "编纂出版咸宁地方文献丛书"]),
)

# 社情民意信息 (public-opinion items): the report counts "20多条"; the first is the one
# it names as adopted by the municipal Party committee and government.
PUBLIC_OPINION = (
    ("关于争取命名“咸宁舰”的建议", "游进", "adopted",
     "海军导弹护卫舰咸宁舰（舰号500）于2018年8月28日入列海军南海舰队，咸宁又多了一张靓丽名片。"),
    ("关于解决城区中小学“大班额”问题的建议", None, "answered", None),
    ("关于加强高校毕业生本地就业服务的建议", None, "referred", None),
    ("关于推进基层医疗机构家庭医生签约服务的建议", None, "implemented", None),
    ("关于加快城区老旧小区改造的建议", None, "adopted", None),
    ("关于发展社区居家养老服务的建议", None, "answered", None),
    ("关于提高农村留守老人关爱服务水平的建议", None, "referred", None),
    ("关于规范农民工工资支付的建议", None, "implemented", None),
    ("关于治理城区餐饮油烟污染的建议", None, "submitted", None),
    ("关于加强城区停车场建设管理的建议", None, "not_adopted", None),
    ("关于完善城乡居民大病保险制度的建议", None, "adopted", None),
    ("关于解决进城务工人员子女入学问题的建议", None, "answered", None),
    ("关于推进公租房分配公开透明的建议", None, "referred", None),
    ("关于加强淦河流域水环境治理的建议", None, "submitted", None),
    ("关于推广农村电商助农增收的建议", None, "adopted", None),
    ("关于规范校外培训机构的建议", None, "implemented", None),
    ("关于提升城区公交服务水平的建议", None, "withdrawn", None),
    ("关于加强食品安全快检能力建设的建议", None, "submitted", None),
    ("关于保障残疾人就业权益的建议", None, "referred", None),
    ("关于加强网络谣言治理的建议", None, "draft", None),
    ("关于加快咸宁城区公共充电设施建设的建议", None, "answered", None),
)

# Public-opinion items are answered by the unit that holds the theme.
PUBLIC_OPINION_UNITS = {
    "咸宁舰": "市人民政府办公室",
    "中小学": "市教育局", "培训": "市教育局", "入学": "市教育局",
    "就业": "市人力资源和社会保障局", "工资": "市人力资源和社会保障局", "残疾人": "市民政局",
    "医疗": "市卫生健康委员会", "大病": "市医疗保障局",
    "小区": "市住房和城乡建设委员会", "公租房": "市住房和城乡建设委员会",
    "养老": "市民政局", "老人": "市民政局",
    "油烟": "市生态环境局", "淦河": "市生态环境局",
    "停车": "市城市管理执法委员会", "公交": "市交通运输局", "充电": "市发展和改革委员会",
    "电商": "市商务局", "食品": "市市场监督管理局", "谣言": "市委网信办",
}


def unit_names():
    """Every unit the demo year refers suggestions to, in a stable order."""
    names = []
    for _topic, lead, assisting in TOPICS.values():
        names.extend([lead, *assisting])
    names.extend(PUBLIC_OPINION_UNITS.values())
    return list(dict.fromkeys(names))
