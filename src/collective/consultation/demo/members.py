"""Demo committee members (all invented; e-mail addresses on reserved example domains).

游进 is the member the seed names as the proposer of 《关于争取命名"咸宁舰"的建议》.
"""

# (name, sector, party, organisation)
MEMBERS = (
    ("游进", "non_party", "non_party", "咸宁市退役军人事务局退休干部"),
    ("王建华", "cpc", "cpc", "咸宁市发展研究中心主任"),
    ("李秀英", "womens_federation", "cpc", "咸宁市妇女联合会副主席"),
    ("张德明", "rcck", "rcck", "民革咸宁市委会副主委、咸宁市律师协会会长"),
    ("刘志强", "cdl", "cdl", "民盟咸宁市委会主委、湖北科技学院教授"),
    ("陈丽华", "cndca", "cndca", "民建咸宁市委会副主委、咸宁某纺织有限公司董事长"),
    ("杨文斌", "capd", "capd", "民进咸宁市委会主委、咸宁市实验小学校长"),
    ("赵国庆", "cpwdp", "cpwdp", "农工党咸宁市委会主委、咸宁市中心医院主任医师"),
    ("黄晓梅", "zgd", "zgd", "致公党咸宁市支部主委、咸宁职业技术学院副教授"),
    ("周立新", "jiusan", "jiusan", "九三学社咸宁市委会主委、咸宁市农业科学院研究员"),
    ("吴海燕", "youth_league", "cpc", "共青团咸宁市委副书记"),
    ("徐卫东", "trade_unions", "cpc", "咸宁市总工会副主席"),
    ("孙红梅", "science_association", "cpc", "咸宁市科学技术协会副主席"),
    (
        "胡永刚",
        "industry_commerce",
        "non_party",
        "咸宁市工商业联合会副主席、咸宁某建设集团董事长",
    ),
    ("朱明辉", "economy", "cpc", "咸宁市统计局副局长"),
    ("高春芳", "agriculture", "cpc", "崇阳县农业技术推广中心高级农艺师"),
    ("林志远", "education", "capd", "咸宁市高级中学副校长"),
    ("何建军", "science_technology", "jiusan", "咸宁高新区某电子科技公司总工程师"),
    ("郭文静", "culture_arts", "non_party", "咸宁市文学艺术界联合会副主席"),
    ("马永红", "medicine_health", "cpwdp", "咸宁市第一人民医院副院长"),
    ("罗新华", "press_publishing", "cpc", "咸宁日报社副总编辑"),
    ("梁淑芬", "social_welfare", "non_party", "咸宁市社会福利院院长"),
    ("宋光明", "ethnic_minorities", "cpc", "通山县民族宗教事务局局长"),
    ("郑慧敏", "religion", "non_party", "咸宁市佛教协会副会长"),
    ("谢国华", "overseas_chinese", "zgd", "咸宁市归国华侨联合会副主席"),
    ("韩雪莲", "specially_invited", "non_party", "咸宁市人民检察院退休检察官"),
    ("唐振宇", "economy", "cndca", "咸宁某农商银行行长"),
    ("冯玉兰", "agriculture", "non_party", "通城县某茶叶专业合作社理事长"),
    ("于海波", "education", "cdl", "湖北科技学院教务处处长"),
    ("董丽萍", "medicine_health", "cpwdp", "咸宁市妇幼保健院主任医师"),
    ("萧建平", "cpc", "cpc", "咸安区政协主席"),
    ("程晓东", "rcck", "rcck", "咸宁市某律师事务所主任"),
    ("曹桂芳", "cdl", "cdl", "咸宁市第二高级中学教师"),
    ("袁志华", "cndca", "cndca", "咸宁某置业有限公司总经理"),
    ("邓美玲", "capd", "capd", "咸宁市图书馆副馆长"),
    ("许国栋", "cpwdp", "cpwdp", "赤壁市人民医院院长"),
    ("傅晓燕", "zgd", "zgd", "咸宁某外贸公司总经理"),
    ("沈立军", "jiusan", "jiusan", "咸宁市林业科学院高级工程师"),
    ("曾玉梅", "womens_federation", "non_party", "嘉鱼县某家政服务公司总经理"),
    ("彭建新", "industry_commerce", "non_party", "咸宁某温泉旅游开发公司董事长"),
    ("吕春华", "science_technology", "non_party", "咸宁市生态环境监测站高级工程师"),
    ("苏海涛", "culture_arts", "cpc", "咸宁市博物馆馆长"),
    ("卢秀珍", "social_welfare", "cpc", "咸宁市民政局调研员"),
    ("蒋文华", "press_publishing", "non_party", "咸宁广播电视台主任记者"),
    ("蔡永明", "agriculture", "cpc", "通山县泉港村党支部书记"),
    ("贾丽娟", "economy", "non_party", "咸宁市某会计师事务所主任会计师"),
    ("丁建国", "trade_unions", "cpc", "咸宁市某机械制造公司工会主席"),
    ("魏红霞", "medicine_health", "non_party", "崇阳县某乡镇卫生院院长"),
    ("薛志勇", "education", "cpc", "通城县教育局副局长"),
    ("叶秋菊", "culture_arts", "capd", "咸宁市群众艺术馆研究馆员"),
    ("阎德胜", "specially_invited", "non_party", "咸宁市人民法院退休法官"),
    ("余建波", "youth_league", "non_party", "咸宁市青年企业家协会会长"),
    ("潘雅琴", "overseas_chinese", "non_party", "咸宁某侨资企业副总经理"),
    ("杜国平", "ethnic_minorities", "non_party", "咸宁市少数民族联谊会副会长"),
    ("戴春生", "science_association", "jiusan", "咸宁市水利水电勘测设计院院长"),
    ("夏雨晴", "non_party", "non_party", "咸宁市某心理咨询中心主任"),
    ("钟国强", "economy", "cpc", "咸宁高新区管委会副主任"),
    ("汪淑华", "religion", "non_party", "咸宁市基督教协会副会长"),
    ("田文斌", "agriculture", "cpwdp", "嘉鱼县蔬菜产业协会会长"),
    ("任晓光", "industry_commerce", "cndca", "咸宁某生物医药公司董事长"),
)


# Members of the standing committee (常委会组成人员) among them: the parties' and
# groups' leaders and a district chair, as a city committee's standing committee has.
STANDING_COMMITTEE = frozenset(
    {
        "王建华",
        "张德明",
        "刘志强",
        "陈丽华",
        "杨文斌",
        "赵国庆",
        "黄晓梅",
        "周立新",
        "胡永刚",
        "萧建平",
    }
)


def email_for(index):
    """m01@example.org ... (reserved example domains, RFC 2606)."""
    domain = ("example.org", "example.com", "example.net")[index % 3]
    return f"m{index + 1:02d}@{domain}"


def phone_for(index):
    return f"0715-8{index + 1:02d}{(index * 37) % 1000:03d}"
