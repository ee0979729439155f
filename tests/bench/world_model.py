"""world_model: what the bench world holds, decided from the seed alone.

A World is a few parameters (seed, outlet count, article count, date span, ...). Every
outlet and every article is a pure function of those parameters and its index, computed
when asked: nothing is stored per article, so a 200,000-article world costs a few
kilobytes on disk and the server renders any page on request in well under a millisecond.

Randomness: each article draws from its own random.Random seeded with a BLAKE2 hash of
(seed, outlet, index), and the shared pools (sentences, scripts, styles) from one seeded
with (seed, "pools"). random.Random's generator and its random()/shuffle() are stable
across CPython 3 versions, so a seed gives the same world on any machine.
"""

import datetime as dt
import functools
import hashlib
import random
import re
import string
import zoneinfo

import world_vocab as V

GENERATOR_VERSION = 1

# Sizes of the shared pools; articles pick from them, so they bound repetition.
EN_SENTENCE_POOL = 24000
ZH_SENTENCE_POOL = 12000
SCRIPT_POOL = 160
STYLE_POOL = 48

# Outlet kinds cycle with this pattern so every tenth outlet is GBK Chinese and every tenth
# UTF-8 Chinese (20% Chinese), whatever the count (with at least 10 outlets).
OUTLET_PATTERN = ["en", "en", "en", "zh-utf8", "en", "en", "en", "en", "zh-gbk", "en"]
EN_ZONES = ["America/New_York", "Europe/London", "America/Los_Angeles", "Asia/Singapore"]

RUMOR_FRACTION = 0.30  # articles whose news is the rumor (any status, "mentioned" included)
NOISE_FRACTION = 0.08  # articles naming one party only (expected status: none)


def seed_int(*parts):
    """A 64-bit integer from the parts, the same on every machine and Python version."""
    text = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "little")


def rng_for(*parts):
    return random.Random(seed_int(*parts))


def pick(rng, items):
    return items[int(rng.random() * len(items))]


def parse_day(text):
    return dt.datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------------------


class Outlet:
    """One outlet of the world: host, language, charset, layout family and article count."""

    def __init__(self, world, index):
        self.index = index
        self.number = index + 1
        self.id = "bench-%03d" % self.number
        self.host = "www.bench-%03d.example" % self.number
        self.base = "http://" + self.host
        kind = OUTLET_PATTERN[index % len(OUTLET_PATTERN)]
        self.language = "zh" if kind.startswith("zh") else "en"
        self.charset = "gbk" if kind == "zh-gbk" else "utf-8"
        rng = rng_for(world.seed, "outlet", index)
        if self.language == "zh":
            self.name = pick(rng, ["华夏", "东方", "新潮", "今日", "环球", "数字"]) + \
                pick(rng, ["科技", "财经", "数码", "商业"]) + pick(rng, ["网", "报", "在线", "观察"])
            self.timezone = "Asia/Shanghai"
            self.date_order = "ymd"
        else:
            self.name = "The " + pick(rng, ["Northgate", "Riverside", "Summit", "Harbor", "Granite",
                                             "Lantern", "Meridian", "Beacon", "Crescent", "Union"]) + \
                " " + pick(rng, ["Courier", "Ledger", "Dispatch", "Tribune", "Observer", "Chronicle",
                                 "Herald", "Post", "Record", "Wire"])
            self.timezone = EN_ZONES[index % len(EN_ZONES)]
            self.date_order = "dmy" if self.timezone == "Europe/London" else "mdy"
        self.zone = zoneinfo.ZoneInfo(self.timezone)
        # Layout family: "semantic" (<article>, <time>), "divs" (class soup), "portal"
        # (Chinese portal style); the URL style goes with it.
        self.layout = ["semantic", "divs", "portal"][index % 3] if self.language == "en" \
            else ["portal", "semantic"][index % 2]
        self.url_style = {"semantic": "dated", "divs": "news", "portal": "article"}[self.layout]
        if self.language == "zh" and self.url_style == "dated":
            self.url_style = "news"  # Chinese sites number their stories; no slug
        self.feed_path = "/atom.xml" if index % 4 == 1 else "/rss.xml"
        self.has_json_ld = index % 5 != 2          # most pages carry JSON-LD, some only meta
        self.has_next_data = index % 4 == 3        # the body again inside a JSON state script
        self.tier = ["wire", "major", "trade", "blog"][index % 4]
        self.count = world.articles // world.outlet_count + \
            (1 if index < world.articles % world.outlet_count else 0)
        self.section_names = V.ZH_SECTIONS if self.language == "zh" else V.EN_SECTIONS
        self.script_ids = rng.sample(range(SCRIPT_POOL), 40)
        self.style_ids = rng.sample(range(STYLE_POOL), 12)
        self.palette = "#%06x" % rng.randrange(0x1000000)

    def allow_pattern(self):
        prefix = {"dated": r"\d{4}/\d{2}/\d{2}/", "news": r"news/\d{8}/", "article": r"article/\d{8}-"}
        return "^" + re.escape(self.base + "/") + prefix[self.url_style]


class Article:
    """One article's facts (no HTML): time, status, title, URL, author, sizes."""

    __slots__ = ("outlet", "index", "time", "status", "title", "path", "url", "author",
                 "section", "words", "page_bytes", "seed", "slug")


class World:
    def __init__(self, params):
        self.params = dict(params)
        self.seed = params["seed"]
        self.outlet_count = params["outlets"]
        self.articles = params["articles"]
        self.start = parse_day(params["start"])
        self.end = parse_day(params["end"])
        self.span = (self.end - self.start).total_seconds()
        self.min_delay_ms = params.get("min_delay_ms", 0)
        self.max_connections = params.get("max_connections", 4)
        self.edit_fraction = params.get("edit_fraction", 0.05)
        self.outlets = [Outlet(self, i) for i in range(self.outlet_count)]
        self.by_host = {o.host: o for o in self.outlets}
        self._pools = None

    # -- articles ------------------------------------------------------------

    def time_of(self, outlet, index):
        """Publication time (UTC epoch seconds): rises with the index, spread over the span."""
        frac = (seed_int(self.seed, "t", outlet.index, index) % 1000003) / 1000003.0
        return self.start.timestamp() + (index + frac) * self.span / max(outlet.count, 1)

    @functools.lru_cache(maxsize=262144)  # every article of the largest world
    def article(self, outlet_index, index):
        outlet = self.outlets[outlet_index]
        a = Article()
        a.outlet = outlet
        a.index = index
        a.seed = seed_int(self.seed, "a", outlet_index, index)
        rng = random.Random(a.seed)
        a.time = int(self.time_of(outlet, index))
        a.status = self._choose_status(rng, a.time)
        a.section = pick(rng, outlet.section_names)
        if outlet.language == "zh":
            a.author = pick(rng, V.ZH_PEOPLE)
            a.words = 400 + int(rng.random() * 1100)
        else:
            a.author = pick(rng, V.EN_FIRST) + " " + pick(rng, V.EN_LAST)
            a.words = 400 + int(rng.random() * 1100)
        a.page_bytes = int(rng.triangular(60000, 150000, 88000))
        a.title = self._title(rng, outlet, a.status)
        local = dt.datetime.fromtimestamp(a.time, outlet.zone)
        number = "%05d" % (index + 1)
        if outlet.url_style == "dated":
            a.slug = slugify(a.title) + "-" + number
            a.path = local.strftime("/%Y/%m/%d/") + a.slug + ".html"
        elif outlet.url_style == "news":
            a.slug = number
            a.path = local.strftime("/news/%Y%m%d/") + number + ".html"
        else:
            a.slug = number
            a.path = local.strftime("/article/%Y%m%d-") + number + ".html"
        a.url = outlet.base + a.path
        return a

    def article_for_path(self, outlet, path):
        """The article a path names, or None (the path must match exactly)."""
        m = re.search(r"(\d{5})\.html$", path)
        if not m:
            return None
        index = int(m.group(1)) - 1
        if not 0 <= index < outlet.count:
            return None
        a = self.article(outlet.index, index)
        return a if a.path == path else None

    def index_at(self, outlet, epoch):
        """The first article index published at or after `epoch`."""
        lo, hi = 0, outlet.count
        while lo < hi:
            mid = (lo + hi) // 2
            if self.time_of(outlet, mid) < epoch:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def months(self):
        """Every (year, month) of the span, in order."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def edited(self, article):
        """Whether the article changes in phase 2 (an update appended, a new status)."""
        return (article.seed % 1000) < self.edit_fraction * 1000

    def _choose_status(self, rng, epoch):
        r = rng.random()
        if r >= RUMOR_FRACTION + NOISE_FRACTION:
            return "none"
        if r >= RUMOR_FRACTION:
            return "noise"
        quarter = min(3, int(4 * (epoch - self.start.timestamp()) / self.span))
        weights = V.STATUS_WEIGHTS_BY_QUARTER[quarter]
        names = sorted(weights)
        total = sum(weights.values())
        x = rng.random() * total
        for name in names:
            x -= weights[name]
            if x < 0:
                return name
        return names[-1]

    def _title(self, rng, outlet, status):
        if outlet.language == "zh":
            t = V.TOPIC["zh"]
            if status not in ("none", "noise"):
                head = pick(rng, V.ZH_STATUS_PATTERNS[status])
                return fill(head, rng, "zh", t)[:40].rstrip("，。")
            return fill(pick(rng, V.ZH_TITLE_PATTERNS), rng, "zh")
        t = V.TOPIC["en"]
        if status not in ("none", "noise"):
            words = fill(pick(rng, V.EN_STATUS_PATTERNS[status]), rng, "en", t).split()
            return " ".join(words[:14]).rstrip(".,;")
        return fill(pick(rng, V.EN_TITLE_PATTERNS), rng, "en")

    # -- pools -----------------------------------------------------------------

    def pools(self):
        if self._pools is None:
            self._pools = Pools(self.seed)
        return self._pools


class Pools:
    """Shared, seeded material: prose sentences, comments, script and style chunks."""

    def __init__(self, seed):
        rng = rng_for(seed, "pools")
        self.en_sentences = [fill(pick(rng, V.EN_PATTERNS), rng, "en")
                             for _ in range(EN_SENTENCE_POOL)]
        self.zh_sentences = [fill(pick(rng, V.ZH_PATTERNS), rng, "zh")
                             for _ in range(ZH_SENTENCE_POOL)]
        # ASCII, kept as bytes: pages are assembled from encoded parts.
        self.scripts = [make_script(rng, 2000 + int(rng.random() * 14000)).encode("ascii")
                        for _ in range(SCRIPT_POOL)]
        self.styles = [make_style(rng, 2000 + int(rng.random() * 10000)).encode("ascii")
                       for _ in range(STYLE_POOL)]


# ---------------------------------------------------------------------------
# Text


def amount(rng):
    r = rng.random()
    if r < 0.5:
        return "$%.1f billion" % (0.2 + rng.random() * 40)
    if r < 0.8:
        return "$%d million" % (5 + int(rng.random() * 900))
    return "%d,%03d units" % (1 + int(rng.random() * 900), int(rng.random() * 1000))


def _en_time_lower(rng):
    return pick(rng, V.EN_TIMES).replace("on ", "").replace("in ", "")


def _quote_lower(rng):
    q = pick(rng, V.EN_QUOTES)
    return q[0].lower() + q[1:]


def _pct(rng):
    return "%.1f%%" % (0.1 + rng.random() * 30)


# One generator per field a pattern may name; a pattern draws only the fields it uses.
EN_FIELDS = {
    "org": lambda r: pick(r, V.EN_ORGS), "noun": lambda r: pick(r, V.EN_NOUNS),
    "noun2": lambda r: pick(r, V.EN_NOUNS), "plural": lambda r: pick(r, V.EN_PLURALS),
    "vpast": lambda r: pick(r, V.EN_VERBS_PAST), "vpast2": lambda r: pick(r, V.EN_VERBS_PAST),
    "vbase": lambda r: pick(r, V.EN_VERBS_BASE), "v3s": lambda r: pick(r, V.EN_VERBS_3S),
    "action": lambda r: pick(r, V.EN_ACTIONS), "adj": lambda r: pick(r, V.EN_ADJS),
    "adv": lambda r: pick(r, V.EN_ADVS), "time": lambda r: pick(r, V.EN_TIMES),
    "time_lower": _en_time_lower, "place": lambda r: pick(r, V.EN_PLACES),
    "person": lambda r: pick(r, V.EN_FIRST) + " " + pick(r, V.EN_LAST),
    "role": lambda r: pick(r, V.EN_ROLES), "quote": lambda r: pick(r, V.EN_QUOTES),
    "quote_lower": _quote_lower, "amount": amount, "pct": _pct, "pct2": _pct,
    "count": lambda r: "{:,}".format(200 + int(r.random() * 90000)),
}
ZH_FIELDS = {
    "org": lambda r: pick(r, V.ZH_ORGS), "noun": lambda r: pick(r, V.ZH_NOUNS),
    "noun2": lambda r: pick(r, V.ZH_NOUNS), "verb": lambda r: pick(r, V.ZH_VERBS),
    "change": lambda r: pick(r, V.ZH_CHANGES), "change2": lambda r: pick(r, V.ZH_CHANGES),
    "adj": lambda r: pick(r, V.ZH_ADJS), "adv": lambda r: pick(r, V.ZH_ADVS),
    "time": lambda r: pick(r, V.ZH_TIMES), "place": lambda r: pick(r, V.ZH_PLACES),
    "person": lambda r: pick(r, V.ZH_PEOPLE), "role": lambda r: pick(r, V.ZH_ROLES),
    "amount": lambda r: "%.1f亿元" % (0.5 + r.random() * 300), "pct": _pct,
    "count": lambda r: "%d" % (200 + int(r.random() * 90000)),
}
TOPIC_KEYS = ("apple", "alibaba", "model", "feature", "source")


@functools.lru_cache(maxsize=None)
def pattern_fields(pattern):
    return tuple(name for _, name, _, _ in string.Formatter().parse(pattern) if name)


def fill(pattern, rng, language, topic=None):
    """The pattern with each field drawn from the vocabulary of `language` ("en", "zh");
    topic fields (apple, alibaba, ...) come from `topic`, the aliases of that language."""
    generators = ZH_FIELDS if language == "zh" else EN_FIELDS
    values = {}
    for name in pattern_fields(pattern):
        if name in values:
            continue
        values[name] = pick(rng, topic[name]) if name in TOPIC_KEYS else generators[name](rng)
    text = pattern.format(**values)
    return text[0].upper() + text[1:] if text[0].islower() else text


def slugify(title):
    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return s[:60].rstrip("-") or "story"


def body_paragraphs(world, article):
    """The article's main text as paragraphs (list of strings), `article.words` long.

    Prose comes from the shared sentence pool; an article about the rumor opens with the
    sentence that carries its status and repeats the topic in background sentences.
    """
    pools = world.pools()
    rng = random.Random(article.seed ^ 0x5DEECE66D)
    zh = article.outlet.language == "zh"
    pool = pools.zh_sentences if zh else pools.en_sentences
    topic = V.TOPIC["zh" if zh else "en"]
    language = "zh" if zh else "en"
    key = []  # sentences about the topic, placed at the top and spread through the text
    if article.status not in ("none", "noise"):
        patterns = (V.ZH_STATUS_PATTERNS if zh else V.EN_STATUS_PATTERNS)
        key.append(fill(pick(rng, patterns[article.status]), rng, language, topic))
        for _ in range(int(rng.random() * 3)):
            key.append(fill(pick(rng, patterns["mentioned"]), rng, language, topic))
    elif article.status == "noise":
        noise = V.ZH_NOISE if zh else V.EN_NOISE
        key.append(fill(pick(rng, noise), rng, language, topic))
    # Chinese is counted in characters (about 1.7 per English word of the same content).
    target = int(article.words * 1.7) if zh else article.words
    size = (lambda s: len(s)) if zh else (lambda s: s.count(" ") + 1)
    paragraphs, current, total = [], [], 0
    per_paragraph = 2 + int(rng.random() * 4)
    while total < target:
        if key and (not paragraphs and not current or rng.random() < 0.08):
            s = key.pop(0)
        else:
            s = pool[int(rng.random() * len(pool))]
        current.append(s)
        total += size(s)
        if len(current) >= per_paragraph:
            paragraphs.append(("" if zh else " ").join(current))
            current = []
            per_paragraph = 2 + int(rng.random() * 4)
    if current:
        paragraphs.append(("" if zh else " ").join(current))
    return paragraphs


def update_paragraph(world, article):
    """The paragraph a phase-2 edit appends: a new development with its own status."""
    rng = random.Random(article.seed ^ 0xED17)
    zh = article.outlet.language == "zh"
    topic = V.TOPIC["zh" if zh else "en"]
    patterns = V.ZH_STATUS_PATTERNS if zh else V.EN_STATUS_PATTERNS
    status = pick(rng, ["confirmed", "denied", "stalled"])
    sentence = fill(pick(rng, patterns[status]), rng, "zh" if zh else "en", topic)
    return ("更新：" if zh else "Update: ") + sentence


# ---------------------------------------------------------------------------
# Scripts and styles: the bulk of a real news page's bytes


JS_WORDS = ["config", "slot", "render", "queue", "track", "consent", "viewport", "lazy", "bid",
            "user", "session", "metric", "event", "widget", "feed", "paywall", "variant", "timer"]


def ident(rng):
    return pick(rng, JS_WORDS) + pick(rng, ["", "Id", "Fn", "Map", "Cb", "List", "_", "$"]) + \
        "%x" % int(rng.random() * 4096)


JS_STATEMENTS = [
    "function {a}({b},{c}){{var {d}={b}.length;for(var i=0;i<{d};i++){{if({c}[i]!=={b}[i])return!1}}return!0}}",
    "var {a}=window.{b}||{{}};{a}.{c}=function({d}){{return {d}&&{d}.{b}?{d}.{b}:{n}}};",
    "{a}.push({{\"id\":\"{b}\",\"sizes\":[[{n},{m}],[{m},{n}]],\"refresh\":{k},\"lazy\":true}});",
    "document.addEventListener(\"{ev}\",function({b}){{{a}({b}.target,{n});{c}.{d}=Date.now()}},{{passive:true}});",
    "try{{{a}=JSON.parse(localStorage.getItem(\"{b}\")||\"{{}}\")}}catch({c}){{{a}={{}}}}",
    "if(typeof {a}===\"undefined\"){{var {a}=[];}}{a}.q=({a}.q||[]).concat([\"{b}\",{n}]);",
    "const {a}=({b},{c}=\"{d}\")=>`${{{b}}}-${{{c}}}-{n}`;",
    "setTimeout(function(){{var {a}=document.querySelectorAll(\".{b}\");for(var i=0;i<{a}.length;i++){{{a}[i].classList.add(\"is-{c}\")}}}},{n});",
    "window.{a}={{v:\"{n}.{m}.{k}\",endpoint:\"https://{b}.cdn.example/{c}\",sample:0.{m}}};",
    "/* {b} {c} module v{n} */",
    "!function(e,t){{var n=t.createElement(\"script\");n.async=1;n.src=\"https://{b}.example/{c}.js?v={n}\";e.{a}=n}}(window,document);",
]


def make_script(rng, size):
    parts, total = [], 0
    while total < size:
        s = pick(rng, JS_STATEMENTS).format(
            a=ident(rng), b=ident(rng), c=ident(rng), d=ident(rng),
            n=int(rng.random() * 10000), m=int(rng.random() * 1000), k=int(rng.random() * 100),
            ev=pick(rng, ["scroll", "click", "resize", "load", "visibilitychange"]))
        parts.append(s)
        total += len(s)
    return "".join(parts)


CSS_PROPS = ["margin:{n}px {m}px", "padding:0 {m}px", "color:#{c}", "background:#{c}",
             "font-size:{f}rem", "line-height:1.{m}", "display:flex", "display:none",
             "border-bottom:1px solid #{c}", "max-width:{n}px", "grid-template-columns:repeat({k},1fr)",
             "transition:opacity .{m}s ease", "z-index:{k}", "position:relative", "gap:{m}px"]


def make_style(rng, size):
    parts, total = [], 0
    while total < size:
        sel = ".%s-%s__%s" % (pick(rng, ["c", "l", "u", "o"]), pick(rng, JS_WORDS), pick(rng, JS_WORDS))
        if rng.random() < 0.2:
            sel = "@media (min-width:%dpx){%s" % (480 + 160 * int(rng.random() * 6), sel)
            close = "}}"
        else:
            close = "}"
        props = ";".join(pick(rng, CSS_PROPS).format(
            n=int(rng.random() * 1200), m=int(rng.random() * 40), c="%06x" % int(rng.random() * 0xFFFFFF),
            f="%.2f" % (0.7 + rng.random()), k=1 + int(rng.random() * 6)) for _ in range(2 + int(rng.random() * 5)))
        s = sel + "{" + props + close
        parts.append(s)
        total += len(s)
    return "".join(parts)


def local_time(outlet, epoch):
    return dt.datetime.fromtimestamp(epoch, outlet.zone)
