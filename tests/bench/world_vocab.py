"""world_vocab: the word lists and sentence patterns the bench world writes its news from.

Plain data for gen_world.py. English and Chinese business and technology vocabulary, the
topic's aliases (Apple and Alibaba, as in seeds/topics), and one list of sentence patterns
per rumor status with the cues design.md names. All sentences are assembled at generation
time from these parts, so the corpus has a large vocabulary and no repeated paragraph.
"""

# ---------------------------------------------------------------------------
# English

EN_ORGS = [
    "Northwind Semiconductors", "Helix Capital", "Kestrel Motors", "Bluewater Logistics",
    "Orchard Retail Group", "Vantage Networks", "Ironbridge Bank", "Solace Pharmaceuticals",
    "Granite Peak Energy", "Lumen Payments", "Quarry Robotics", "Tidewater Shipping",
    "Cobalt Cloud", "Meadowlark Foods", "Sterling Airways", "Pinecrest Insurance",
    "Arcadia Telecom", "Redwood Analytics", "Silverline Rail", "Harborview Properties",
    "the commerce ministry", "the central bank", "regulators in Brussels", "the port authority",
    "the statistics bureau", "a consortium of lenders", "the state planning agency",
    "the transport regulator", "the competition watchdog", "the city council",
]
EN_NOUNS = [
    "market", "revenue", "forecast", "supply chain", "chip", "factory", "smartphone",
    "data centre", "battery", "subscription", "regulator", "tariff", "export", "margin",
    "inventory", "demand", "launch", "software update", "cloud service", "startup",
    "acquisition", "lawsuit", "licence", "network", "device", "price", "warehouse",
    "payment system", "platform", "advertising business", "streaming service", "semiconductor",
    "workforce", "pension fund", "bond yield", "currency", "interest rate", "trade deficit",
    "shipping route", "power grid", "solar farm", "electric vehicle", "charging network",
    "retail footprint", "loyalty programme", "operating system", "search engine", "app store",
    "research budget", "patent portfolio", "credit rating", "dividend", "share buyback",
    "earnings call", "guidance", "customer base", "distribution deal", "joint venture",
    "assembly line", "component shortage", "wafer output", "memory price", "display panel",
]
EN_PLURALS = [
    "shares", "investors", "analysts", "suppliers", "customers", "shoppers", "lenders",
    "manufacturers", "developers", "exporters", "carmakers", "retailers", "banks",
    "regulators", "engineers", "consumers", "workers", "startups", "brokers", "airlines",
]
EN_VERBS_PAST = [
    "rose", "fell", "expanded", "slowed", "climbed", "slipped", "recovered", "stalled",
    "accelerated", "narrowed", "widened", "doubled", "halved", "rebounded", "cooled",
    "jumped", "eased", "surged", "tumbled", "stabilised",
]
EN_VERBS_BASE = [
    "expand", "slow", "recover", "accelerate", "cut costs", "raise prices", "hire",
    "consolidate", "invest heavily", "delay orders", "seek approval", "build capacity",
    "renegotiate contracts", "shift production", "trim forecasts", "add staff",
]
EN_VERBS_3S = [
    "weakens", "strengthens", "tightens", "loosens", "improves", "deteriorates",
    "normalises", "picks up", "softens", "holds steady",
]
EN_ACTIONS = [
    "announced", "unveiled", "reported", "confirmed", "postponed", "outlined", "detailed",
    "previewed", "completed", "proposed", "approved", "filed", "signed", "finalised",
]
EN_ADJS = [
    "quarterly", "annual", "steady", "sharp", "modest", "unexpected", "record", "weaker",
    "stronger", "domestic", "overseas", "long-awaited", "costly", "ambitious", "cautious",
    "revised", "preliminary", "flagship", "mid-range", "regional", "premium", "low-cost",
]
EN_ADVS = [
    "sharply", "slightly", "quietly", "steadily", "abruptly", "gradually", "markedly",
    "unexpectedly", "broadly", "briefly",
]
EN_TIMES = [
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week",
    "in the third quarter", "earlier this year", "since January", "over the weekend",
    "in the first half", "late on Thursday", "in early trading", "this month",
    "in the fiscal year to March", "after the market closed",
]
EN_PLACES = [
    "Shenzhen", "Hangzhou", "Singapore", "Frankfurt", "Austin", "Seoul", "Bangalore",
    "Rotterdam", "São Paulo", "Osaka", "Nairobi", "Toronto", "Warsaw", "Jakarta",
    "Melbourne", "Lyon", "Hsinchu", "Dublin", "Monterrey", "Ho Chi Minh City",
]
EN_FIRST = [
    "Maria", "James", "Aiko", "Daniel", "Priya", "Lukas", "Fatima", "Oliver", "Mei", "Carlos",
    "Sofia", "Ethan", "Nadia", "Henrik", "Grace", "Tomás", "Leila", "Arjun", "Claire", "Kenji",
]
EN_LAST = [
    "Alvarez", "Brennan", "Chowdhury", "Dubois", "Eriksen", "Fujita", "Goldberg", "Hartmann",
    "Ibrahim", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quintero", "Rasmussen", "Sato", "Thornton",
]
EN_ROLES = [
    "chief economist", "senior analyst", "portfolio manager", "head of research",
    "chief executive", "spokesperson", "industry consultant", "strategist", "professor",
    "founder",
]
EN_QUOTES = [
    "We are seeing the first signs of a turn", "Nobody expected the numbers to hold up this well",
    "The next two quarters will decide a lot", "It is too early to call it a recovery",
    "Customers are voting with their wallets", "The pricing pressure is real",
    "This changes the maths for everyone in the sector", "We will keep investing through the cycle",
    "The supply side is finally catching up", "Regulation is the wild card here",
]
EN_SECTIONS = ["technology", "business", "markets", "world", "economy", "companies", "asia"]

# Headline patterns for articles that are not about the rumor.
EN_TITLE_PATTERNS = [
    "{org} {action} {adj} {noun} as {plural} {vpast2}",
    "{plural} in {place} brace for {adj} {noun}",
    "{org} to {vbase} after {noun} {vpast}",
    "Why the {noun} {vpast} {adv} {time}",
    "{noun} {vpast} {pct}: what it means for {plural}",
    "{person} on the {adj} {noun} and the {noun2}",
    "{org} shares {vpast} on {adj} {noun}",
    "Inside the {adj} race for the {noun} in {place}",
]

# Sentence patterns for ordinary news prose. Fields in braces are filled from the lists above
# ({amount} and {pct} are numbers made at generation time).
EN_PATTERNS = [
    "{org} said {time} that its {adj} {noun} {vpast} {adv} to {amount}.",
    "{plural} expect the {noun} to {vbase} as the {noun2} {v3s} in {place}.",
    "\u201c{quote},\u201d said {person}, {role} at {org}.",
    "The {adj} {noun} {vpast} {pct} {time}, according to figures from {org}.",
    "{person}, {role} at {org}, said the {noun} could {vbase} if the {noun2} {v3s}.",
    "In {place}, {plural} {vpast} {adv} after {org} {action} a {adj} {noun}.",
    "{org} {action} plans to {vbase} its {noun} in {place} {time}.",
    "The move follows a {adj} {noun} that {vpast} {pct} over the past year.",
    "{plural} in {place} have {action} a {adj} {noun} worth {amount}.",
    "Shares of {org} {vpast} {pct} {time}, extending a {adj} run.",
    "{org} has not said whether the {noun} will {vbase} before the {adj} {noun2}.",
    "Earlier, {org} {action} a {adj} {noun} aimed at {plural} in {place}.",
    "The {noun} accounts for about {pct} of {org}'s {adj} revenue.",
    "{person} told reporters that the {noun2} would {vbase} {time}.",
    "Some {plural} worry that a {adj} {noun} could weigh on the {noun2}.",
    "Data from {org} showed the {noun} {vpast} for a third straight month.",
    "{org}, which employs about {count} people in {place}, {action} the {noun} {time}.",
    "Competition in the {noun} has {vpast} since {org} entered the market.",
    "The {adj} {noun} is expected to reach {amount} by the end of the year.",
    "{plural} said the {noun} {vpast} {adv}, though the {noun2} {v3s}.",
    "A {role} at {org} said the {adj} {noun} was \u201c{quote_lower}\u201d.",
    "Prices for the {noun} {vpast} {pct}, while the {noun2} {vpast2} {pct2}.",
    "{org} declined to comment on the {adj} {noun}.",
    "Until {time_lower}, the {noun} had {vpast} {adv} in {place} and beyond.",
]

EN_COMMENTS = [
    "Interesting take, but the numbers look optimistic to me.",
    "I have been saying this for months.",
    "Who actually believes these forecasts any more?",
    "Great reporting, thanks for the detail on the supply side.",
    "This is why I sold my shares last year.",
    "The headline oversells the story a bit.",
    "Would love to see a follow-up on the regulatory angle.",
    "Prices here have gone up twice since spring.",
    "Not convinced. Let us see the next quarter first.",
    "My whole team switched to the cheaper plan already.",
    "Anyone know when the full report comes out?",
    "Same thing happened in 2019 and nobody learned anything.",
]

# ---------------------------------------------------------------------------
# Chinese

ZH_ORGS = [
    "华凌科技", "东海证券", "星辰汽车", "远航物流", "青松零售", "瀚海网络", "金桥银行",
    "天和医药", "北辰能源", "云帆支付", "国家统计局", "商务部", "市场监管总局", "工信部",
    "深圳市政府", "行业协会", "多家券商", "研究机构", "中信智库", "南方电网",
]
ZH_NOUNS = [
    "市场", "营收", "芯片", "工厂", "智能手机", "数据中心", "电池", "订阅服务", "关税", "出口",
    "利润率", "库存", "需求", "软件更新", "云服务", "初创企业", "并购", "专利", "网络",
    "终端设备", "价格", "仓储", "支付系统", "平台", "广告业务", "半导体", "供应链",
    "电动汽车", "充电网络", "操作系统", "应用商店", "研发投入", "信用评级", "股息", "回购",
    "业绩指引", "用户规模", "合资公司", "生产线", "零部件", "晶圆产能", "存储价格", "显示面板",
    "大模型", "算力", "人工智能", "消费电子", "物联网", "自动驾驶",
]
ZH_VERBS = [
    "推出", "发布", "扩大", "缩减", "调整", "上调", "下调", "提升", "加快", "放缓", "布局",
    "收购", "投资", "升级", "优化", "整合", "重组", "公布", "披露", "启动",
]
ZH_CHANGES = ["增长", "下降", "回升", "下滑", "持平", "翻倍", "收窄", "扩大", "企稳", "反弹"]
ZH_ADJS = [
    "季度", "年度", "稳定的", "大幅", "小幅", "意外的", "创纪录的", "国内", "海外", "新一代",
    "高端", "中端", "低成本", "核心", "关键", "区域",
]
ZH_ADVS = ["明显", "小幅", "持续", "迅速", "逐步", "意外", "大幅", "稳步"]
ZH_TIMES = [
    "周一", "周二", "周三", "周四", "周五", "上周", "第三季度", "今年早些时候", "年初以来",
    "上半年", "本月", "上个财年", "近日", "日前",
]
ZH_PLACES = ["深圳", "杭州", "上海", "北京", "广州", "成都", "苏州", "武汉", "南京", "西安", "合肥", "重庆"]
ZH_PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴倩", "徐涛", "孙丽"]
ZH_ROLES = ["首席经济学家", "高级分析师", "基金经理", "研究主管", "首席执行官", "发言人", "行业顾问", "教授"]
ZH_SECTIONS = ["科技", "财经", "产业", "公司", "市场", "数码"]

ZH_TITLE_PATTERNS = [
    "{org}{verb}{adj}{noun}计划",
    "{place}{noun}市场{time}{change}{pct}",
    "{org}：{noun}将{adv}{change}",
    "{noun}{change}背后：{org}如何应对",
    "{person}谈{noun}与{noun2}",
    "{org}股价{change}，{noun}成焦点",
    "{time}{place}{noun}需求{adv}{change}",
]

ZH_PATTERNS = [
    "{time}，{org}表示，其{adj}{noun}{adv}{change}至{amount}。",
    "{person}（{org}{role}）认为，{noun}将在{place}{adv}{change}。",
    "据{org}数据显示，{adj}{noun}同比{change}{pct}。",
    "{org}{time}{verb}了新的{noun}计划，预计投入{amount}。",
    "业内人士指出，{noun}的{change}主要受{noun2}影响。",
    "{place}的{noun}市场{time}{adv}{change}，{org}随后{verb}了{noun2}。",
    "{org}尚未就{noun}的具体安排作出回应。",
    "{person}表示：\u201c{noun}的变化需要更长时间观察。\u201d",
    "受{noun}影响，{org}股价{time}{change}{pct}。",
    "分析认为，{adj}{noun}将成为{org}下一阶段的重点。",
    "{org}在{place}拥有约{count}名员工，{time}{verb}了{noun}。",
    "与此同时，{noun2}价格{change}{pct}，{noun}需求{adv}{change2}。",
    "{org}计划在{place}{verb}{noun}，以应对{adj}{noun2}竞争。",
    "截至{time}，{noun}已连续三个月{change}。",
]

ZH_COMMENTS = [
    "分析得很到位，期待后续报道。", "这个数据有点乐观吧。", "早就应该这样了。",
    "价格什么时候能降下来？", "坐等下个季度的财报。", "标题党，内容一般。",
    "我们公司也在关注这个方向。", "监管这块说得比较少。", "去年也是这么说的。",
]

# ---------------------------------------------------------------------------
# The topic (kept in step with seeds/topics: Apple and Alibaba, their aliases)

TOPIC = {
    "en": {
        "apple": ["Apple", "Apple Inc.", "the iPhone maker", "Apple"],
        "alibaba": ["Alibaba", "Alibaba Group", "Alibaba", "the Hangzhou-based Alibaba"],
        "model": ["Qwen", "Alibaba's Qwen models", "Tongyi Qianwen", "the Qwen model family"],
        "feature": ["Apple Intelligence", "AI features", "generative AI tools", "Siri upgrades"],
        "source": ["people familiar with the matter", "two people briefed on the talks",
                   "a person with knowledge of the plans", "sources close to the companies"],
    },
    "zh": {
        "apple": ["苹果", "苹果公司", "苹果"],
        "alibaba": ["阿里巴巴", "阿里", "阿里巴巴集团"],
        "model": ["通义千问", "千问大模型", "通义千问"],
        "feature": ["Apple Intelligence", "AI功能", "人工智能功能"],
        "source": ["知情人士", "消息人士", "接近双方的人士"],
    },
}

# One list of patterns per status: the sentence that carries the article's news.
EN_STATUS_PATTERNS = {
    "speculation": [
        "Analysts say {apple} could turn to {alibaba} to power {feature} on iPhones sold in China.",
        "{alibaba} might become the AI partner {apple} needs in China, some investors expect.",
        "A tie-up between {apple} and {alibaba} may be the likeliest route for {feature} in China.",
    ],
    "reported": [
        "{apple} has picked {alibaba} to supply {feature} for iPhones in China, according to {source}.",
        "{apple} is reportedly in talks with {alibaba} over {feature} for the Chinese market, {source} said.",
        "{apple} and {alibaba} are working together on {feature} in China, {source} said; neither company has confirmed it.",
    ],
    "partially_confirmed": [
        "{alibaba} chairman Joe Tsai confirmed that the company will supply AI for iPhones in China; {apple} did not comment.",
        "An {alibaba} executive confirmed the partnership with {apple} on Thursday, while {apple} declined to comment.",
    ],
    "confirmed": [
        "{apple} and {alibaba} officially announced that {model} will power {feature} in China.",
        "{apple} confirmed in a joint statement with {alibaba} that {feature} launched in China on {model}.",
    ],
    "denied": [
        "{apple} denied reports that it had signed a final agreement with {alibaba}.",
        "{alibaba} denied that {apple} had dropped it as its AI partner in China, calling the report false.",
    ],
    "stalled": [
        "The launch of {alibaba}-powered {feature} on iPhones in China has been delayed while regulators review it.",
        "{apple}'s plan to use {alibaba}'s models in China is on hold pending approval from the cyberspace regulator.",
    ],
    "cancelled": [
        "{apple} has scrapped its plan to use {alibaba}'s models for iPhones in China.",
        "The {apple}-{alibaba} AI deal for China has been called off, the companies said.",
    ],
    "mentioned": [
        "{apple} shares closed {pct} higher, while {alibaba} reported {adj} cloud revenue.",
        "Both {apple} and {alibaba} have invested heavily in AI over the past year.",
        "Among the large technology groups, {apple} and {alibaba} spent the most on research.",
    ],
}
# Sentences that name one party only: noise for the analyzer (status none).
EN_NOISE = [
    "{apple} opened a new store in {place} {time}.",
    "{alibaba} reported {adj} revenue from its cloud unit {time}.",
    "{apple} released a software update for older iPhones.",
    "{alibaba}'s logistics arm expanded its warehouse network in {place}.",
]

ZH_STATUS_PATTERNS = {
    "speculation": [
        "分析人士认为，{apple}或将与{alibaba}合作，为国行iPhone提供{feature}。",
        "业内预计，{alibaba}可能成为{apple}在中国市场的AI合作伙伴。",
    ],
    "reported": [
        "据悉，{apple}已选择{alibaba}为国行iPhone提供{feature}，双方均未正式回应。",
        "{source}称，{apple}正与{alibaba}就{feature}合作进行谈判。",
    ],
    "partially_confirmed": [
        "{alibaba}董事长蔡崇信证实，公司将为中国市场的iPhone提供AI服务，{apple}方面尚未回应。",
    ],
    "confirmed": [
        "{apple}与{alibaba}正式宣布，{model}将为国行iPhone的{feature}提供支持。",
        "{apple}官宣与{alibaba}合作，{model}驱动的{feature}已在中国上线。",
    ],
    "denied": [
        "{apple}否认已与{alibaba}签署最终协议的传闻。",
        "{alibaba}辟谣称，与{apple}的AI合作并未终止。",
    ],
    "stalled": [
        "由于监管审查，{apple}与{alibaba}合作的{feature}在中国的上线被推迟。",
        "{apple}与{alibaba}的AI合作目前处于暂停状态，仍在等待监管批准。",
    ],
    "cancelled": [
        "{apple}已终止与{alibaba}在中国的AI合作计划。",
        "{apple}与{alibaba}的人工智能合作宣布取消。",
    ],
    "mentioned": [
        "{apple}本季度在大中华区营收{change}，{alibaba}股价当日{change2}。",
        "{apple}和{alibaba}过去一年都在人工智能领域投入巨资。",
    ],
}
ZH_NOISE = [
    "{apple}{time}在{place}开设了新的零售店。",
    "{alibaba}{time}公布了云计算业务的季度业绩。",
    "{apple}为旧款iPhone推送了系统更新。",
]

# How often each status is the article's news, by quarter of the world's date span: the
# story moves from speculation to reports, confirmation, trouble and an end.
STATUS_WEIGHTS_BY_QUARTER = [
    {"speculation": 5, "reported": 4, "mentioned": 3, "denied": 1},
    {"reported": 4, "partially_confirmed": 3, "confirmed": 2, "mentioned": 3, "speculation": 2},
    {"confirmed": 4, "stalled": 3, "denied": 2, "mentioned": 3, "reported": 1},
    {"stalled": 3, "cancelled": 2, "denied": 2, "confirmed": 1, "mentioned": 3, "speculation": 1},
]
