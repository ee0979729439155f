"""world_render: the bench world's documents as bytes (article pages, feeds, sitemaps, robots).

Pages are built like real news pages: a head full of meta tags, styles and scripts, a
JSON-LD block, navigation, ad slots, the article with a byline and a figure, inline
promos, share bar, related stories, comments, a sidebar and a footer. Inline <script>
and <style> bodies make up about two thirds of the bytes, as on real news sites. Three
layout families (semantic <article>, class-soup <div>s, Chinese portal) vary the markup.

`document(world, host, path, phase)` is the one entry point: it returns a Document whose
body is rendered only when asked, so a conditional request answered 304 costs no
rendering.
"""

import datetime as dt
import email.utils
import hashlib
import html
import json
import random

import world_model as M
import world_vocab as V


class Document:
    """One response of the world: type, validators and a body rendered on first use."""

    def __init__(self, content_type, last_modified, etag_key, render, charset="utf-8"):
        self.content_type = content_type
        self.last_modified = last_modified
        self.etag = hashlib.blake2b(etag_key.encode("utf-8"), digest_size=12).hexdigest()
        self._render = render
        self._body = None
        self.charset = charset

    def body(self):
        if self._body is None:
            text = self._render()
            self._body = text.encode(self.charset, "xmlcharrefreplace") if isinstance(text, str) else text
        return self._body


def esc(text):
    return html.escape(text, quote=True)


def json_script(obj):
    """JSON for inside a <script> element: '</' cannot end it early."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def iso(outlet, epoch):
    return M.local_time(outlet, epoch).isoformat()


def display_date(outlet, epoch):
    t = M.local_time(outlet, epoch)
    if outlet.language == "zh":
        return t.strftime("%Y年%m月%d日 %H:%M") if outlet.index % 2 else t.strftime("%Y-%m-%d %H:%M")
    if outlet.date_order == "dmy":
        return "%d %s, %s %s" % (t.day, t.strftime("%B %Y"), t.strftime("%H:%M"), t.strftime("%Z"))
    hour = t.hour % 12 or 12
    return "%s %d, %d %d:%02d %s %s" % (t.strftime("%b."), t.day, t.year, hour, t.minute,
                                        "p.m." if t.hour >= 12 else "a.m.", t.strftime("%Z"))


def rfc822(epoch):
    return email.utils.formatdate(epoch, usegmt=True)


def utc_iso(epoch):
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------
# Article pages


def neighbours(world, article, rng, count):
    """Other articles of the same outlet to link to (earlier ones, so they exist)."""
    out = []
    outlet = article.outlet
    if outlet.count <= 1:
        return out
    for k in range(count):
        if k < count // 2:
            j = article.index - 1 - k
        else:
            j = int(rng.random() * outlet.count)
        if j < 0 or j >= outlet.count or j == article.index:
            continue
        out.append(world.article(outlet.index, j))
    return out


def article_page(world, article, phase):
    outlet = article.outlet
    rng = random.Random(article.seed ^ 0xB0D1E5)
    pools = world.pools()
    zh = outlet.language == "zh"
    paragraphs = M.body_paragraphs(world, article)
    edited = phase == 2 and world.edited(article)
    modified = article.time + 3600 * (1 + int(rng.random() * 30))
    if edited:
        paragraphs = paragraphs + [M.update_paragraph(world, article)]
        modified = int(world.end.timestamp()) + 86400
    related = neighbours(world, article, rng, 8 + int(rng.random() * 9))
    most_read = neighbours(world, article, rng, 10)
    description = paragraphs[0][:160]

    # --- the parts that are not script or style --------------------------------
    head = [
        '<!DOCTYPE html>\n<html lang="%s" class="no-js">\n<head>\n<meta charset="%s">\n' %
        ("zh-CN" if zh else "en", "gbk" if outlet.charset == "gbk" else "utf-8"),
        "<title>%s%s%s</title>\n" % (esc(article.title), "_" if zh else " | ", esc(outlet.name)),
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="description" content="%s">\n' % esc(description),
        '<link rel="canonical" href="%s">\n' % article.url,
        '<meta property="og:title" content="%s">\n<meta property="og:type" content="article">\n' % esc(article.title),
        '<meta property="og:url" content="%s">\n<meta property="og:site_name" content="%s">\n' % (article.url, esc(outlet.name)),
        '<meta property="og:image" content="%s/img/%d.jpg">\n' % (outlet.base, article.seed % 100000),
        '<meta name="author" content="%s">\n' % esc(article.author),
    ]
    if outlet.layout != "portal":
        head.append('<meta property="article:published_time" content="%s">\n' % iso(outlet, article.time))
        head.append('<meta property="article:section" content="%s">\n' % esc(article.section))
    head.append('<link rel="alternate" type="application/rss+xml" href="%s%s">\n' % (outlet.base, outlet.feed_path))
    if outlet.has_json_ld:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
              "datePublished": iso(outlet, article.time), "dateModified": iso(outlet, modified),
              "author": [{"@type": "Person", "name": article.author}],
              "publisher": {"@type": "Organization", "name": outlet.name,
                            "logo": {"@type": "ImageObject", "url": outlet.base + "/logo.png"}},
              "mainEntityOfPage": article.url, "description": description,
              "image": "%s/img/%d.jpg" % (outlet.base, article.seed % 100000),
              "articleSection": article.section, "inLanguage": "zh-CN" if zh else "en"}
        head.append('<script type="application/ld+json">%s</script>\n' % json_script(ld))

    section_class = article.section.encode("ascii", "ignore").decode() or "news"
    nav = ['<body class="article-page section-%s">\n' % section_class, site_header(outlet)]
    nav.append('<div class="ticker"><span class="ticker__label">%s</span>' % ("快讯" if zh else "Breaking"))
    for other in most_read[:4]:
        nav.append(' <a class="ticker__item" href="%s">%s</a>' % (other.url, esc(other.title)))
    nav.append('</div></header>\n<div class="ad-slot ad-slot--leaderboard" data-slot="top" data-sizes="728x90,970x250"></div>\n')

    story = story_markup(world, outlet, article, paragraphs, related, rng, zh, modified)

    tail = ['<section class="related"><h2>%s</h2><ul class="related__list">' % ("相关阅读" if zh else "Related stories")]
    for other in related:
        tail.append('<li class="related__item"><a href="%s">%s</a><span class="related__date">%s</span></li>' %
                    (other.url, esc(other.title), M.local_time(outlet, other.time).strftime("%Y-%m-%d")))
    tail.append("</ul></section>\n")
    comments = int(rng.random() * 40)
    tail.append('<section class="comments" id="comments"><h2>%s (%d)</h2><ol class="comments__list">' %
                ("评论" if zh else "Comments", comments))
    for i in range(comments):
        who = M.pick(rng, V.ZH_PEOPLE) if zh else (M.pick(rng, V.EN_FIRST) + M.pick(rng, ["", "_", "."]) +
                                                   M.pick(rng, V.EN_LAST).lower() + str(int(rng.random() * 99)))
        text = " ".join(M.pick(rng, V.ZH_COMMENTS if zh else V.EN_COMMENTS) for _ in range(1 + int(rng.random() * 3)))
        tail.append('<li class="comment" id="c%d"><div class="comment__meta"><span class="comment__author">%s</span> '
                    '<span class="comment__time">%d %s</span></div><p class="comment__text">%s</p>'
                    '<div class="comment__actions"><a href="#c%d">%s</a> <span class="likes">%d</span></div></li>' %
                    (i, esc(who), 1 + i, "小时前" if zh else "hours ago", esc(text), i,
                     "回复" if zh else "Reply", int(rng.random() * 300)))
    tail.append("</ol></section>\n</main>\n")
    tail.append('<aside class="sidebar"><h3>%s</h3><ol class="most-read">' % ("热门" if zh else "Most read"))
    for other in most_read:
        tail.append('<li><a href="%s">%s</a></li>' % (other.url, esc(other.title)))
    tail.append('</ol><div class="ad-slot ad-slot--mpu" data-slot="side" data-sizes="300x250,300x600"></div>'
                '<div class="newsletter"><form action="/newsletter" method="post"><label>%s <input type="email" '
                'name="email"></label><button>%s</button></form></div></aside>\n' %
                (("订阅我们的早报" if zh else "Get the morning briefing"), ("订阅" if zh else "Sign up")))
    tail.append(site_footer(outlet) % M.local_time(outlet, article.time).year)

    # Each text part is encoded once; the script and style pools are ASCII bytes already.
    charset = outlet.charset
    top = "".join(head[:3]).encode(charset, "xmlcharrefreplace")
    meta = ("".join(head[3:]) + "</head>\n" + "".join(nav)).encode(charset, "xmlcharrefreplace")
    main = ("".join(story) + "".join(tail)).encode(charset, "xmlcharrefreplace")
    rest_bytes = len(top) + len(meta) + len(main)

    # --- scripts and styles fill the page to its size (about 2/3 of it) -------------
    budget = max(article.page_bytes - rest_bytes, rest_bytes)
    state = {"page": {"type": "article", "id": "%s-%05d" % (outlet.id, article.index + 1),
                      "section": article.section, "words": article.words, "paywall": article.index % 7 == 0},
             "related": [{"id": o.index + 1, "title": o.title} for o in related],
             "ads": {"slots": ["top", "inline-1", "inline-2", "side"], "refresh": 30}}
    if outlet.has_next_data:
        state["article"] = {"headline": article.title, "body": "\n\n".join(paragraphs)}
    state_script = ('<script id="__STATE__" type="application/json">%s</script>\n' %
                    json_script(state)).encode(charset, "xmlcharrefreplace")
    budget -= len(state_script)
    head_css, body_js, end_js = fill_scripts(pools, outlet, rng, budget)
    return b"".join([top] + head_css + [meta] + body_js + [main, state_script] + end_js + [b"</body>\n</html>\n"])


def story_markup(world, outlet, article, paragraphs, related, rng, zh, modified):
    """The article itself in the outlet's layout family."""
    title = esc(article.title)
    author = esc(article.author)
    date_text = esc(display_date(outlet, article.time))
    promo_every = 3 + int(rng.random() * 3)
    body = []
    for i, p in enumerate(paragraphs):
        body.append("<p>%s</p>\n" % esc(p))
        if i and i % promo_every == 0 and related:
            other = related[i % len(related)]
            if rng.random() < 0.5:
                body.append('<aside class="inline-promo"><span>%s</span> <a href="%s">%s</a></aside>\n' %
                            ("延伸阅读：" if zh else "Read more:", other.url, esc(other.title)))
            else:
                body.append('<div class="ad-slot ad-slot--inline" data-slot="inline-%d"><span class="ad-label">%s'
                            '</span></div>\n' % (i, "广告" if zh else "Advertisement"))
    caption = esc(paragraphs[-1][:90])
    figure = ('<figure class="lead-image"><img src="%s/img/%d.jpg" alt="%s" width="1200" height="675" loading="lazy">'
              '<figcaption>%s <span class="credit">%s</span></figcaption></figure>\n' %
              (outlet.base, article.seed % 100000, title, caption, "图片来源：视觉中国" if zh else "Photo: Agency"))
    share = ('<div class="share-bar"><a class="share share--x" href="#">%s</a> <a class="share share--fb" href="#">%s</a>'
             ' <a class="share share--mail" href="#">%s</a> <button class="share share--copy">%s</button></div>\n' %
             (("分享到微博", "分享到微信", "邮件", "复制链接") if zh else ("Share on X", "Share on Facebook", "Email", "Copy link")))
    if outlet.layout == "semantic":
        return ['<main id="main" class="layout">\n<article class="story" itemscope itemtype="https://schema.org/NewsArticle">\n',
                '<header class="story__header"><p class="kicker"><a href="/section/%s/">%s</a></p>' % (esc(article.section), esc(article.section)),
                '<h1 class="story__headline" itemprop="headline">%s</h1>' % title,
                '<p class="byline">%s<a rel="author" href="/authors/%d">%s</a> · <time datetime="%s" itemprop="datePublished">%s</time>'
                '</p></header>\n' % ("" if zh else "By ", article.seed % 997, author, iso(outlet, article.time), date_text),
                figure, '<div class="story__body" itemprop="articleBody">\n'] + body + \
            ['</div>\n<p class="story__updated">%s <time datetime="%s">%s</time></p>\n' %
             ("更新于" if zh else "Updated", iso(outlet, modified), esc(display_date(outlet, modified))),
             share, "</article>\n"]
    if outlet.layout == "divs":
        return ['<main id="main"><div class="content-wrapper"><div class="story-container">\n',
                '<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/section/%s/">%s</a></div>' % (esc(article.section), esc(article.section)),
                '<h1 class="story-title">%s</h1>\n<div class="story-meta"><span class="author-name">%s%s</span> '
                '<span class="story-date">%s</span></div>\n' % (title, "" if zh else "By ", author, date_text),
                figure, '<div class="story-text">\n'] + body + ['</div>\n', share, "</div></div>\n"]
    return ['<main id="main"><div class="main-content">\n<div class="crumb"><a href="/">%s</a> &gt; %s</div>\n' %
            ("首页" if zh else "Home", esc(article.section)),
            '<div class="article-title"><h1>%s</h1></div>\n<div class="article-info"><span class="time">%s</span> '
            '<span class="source">%s%s</span> <span class="author">%s%s</span></div>\n' %
            (title, date_text, "来源：" if zh else "Source: ", esc(outlet.name), "作者：" if zh else "By ", author),
            '<div class="article-content" id="articleContent">\n'] + body + \
        ['</div>\n<div class="editor">%s%s</div>\n' % ("责任编辑：" if zh else "Editor: ", esc(M.pick(rng, V.ZH_PEOPLE if zh else V.EN_LAST))),
         share, "</div>\n"]


def site_header(outlet):
    """Consent banner, icon sheet, logo and menu: the same on every page of the outlet."""
    if getattr(outlet, "header_html", None) is None:
        zh = outlet.language == "zh"
        out = ['<div id="consent" class="c-consent" hidden><p>%s</p><button class="c-consent__accept">%s</button></div>\n' %
               (("我们使用Cookie改善您的体验。" if zh else "We use cookies to improve your experience and to show ads."),
                ("同意" if zh else "Accept")),
               svg_sprite(outlet),
               '<header class="site-header"><a class="site-logo" href="/">%s</a>\n<nav class="main-nav"><ul>' % esc(outlet.name)]
        for name in outlet.section_names:
            out.append('<li class="main-nav__item"><a href="/section/%s/">%s</a><ul class="mega-menu">' % (esc(name), esc(name)))
            for sub in range(6):
                out.append('<li class="mega-menu__item"><a href="/section/%s/%d/"><svg class="icon"><use href="#i%d"/></svg>'
                           '%s %d</a></li>' % (esc(name), sub, sub, esc(name), sub + 1))
            out.append("</ul></li>")
        out.append("</ul></nav>\n")
        outlet.header_html = "".join(out)
    return outlet.header_html


def site_footer(outlet):
    """The footer with a %d for the copyright year."""
    if getattr(outlet, "footer_html", None) is None:
        zh = outlet.language == "zh"
        out = ['<footer class="site-footer"><div class="site-footer__links">']
        for label in (["关于我们", "联系我们", "广告服务", "隐私政策", "用户协议", "招聘", "网站地图"] if zh else
                      ["About us", "Contact", "Advertise", "Privacy policy", "Terms of use", "Careers",
                       "Corrections", "Site map", "Newsletters", "Podcasts", "Events", "Archive"]):
            out.append('<a href="/info/%d">%s</a> ' % (len(label) * 7 + outlet.index, esc(label)))
        out.append('</div><p class="copyright">&copy; %%d %s. %s</p></footer>\n' %
                   (esc(outlet.name).replace("%", "%%"), "版权所有" if zh else "All rights reserved."))
        outlet.footer_html = "".join(out)
    return outlet.footer_html


def svg_sprite(outlet):
    """The outlet's inline SVG icon sheet (the same on every page of the outlet)."""
    if getattr(outlet, "sprite", None) is None:
        rng = random.Random(outlet.index * 7919 + 17)
        symbols = []
        for i in range(14):
            d = "M%d %d" % (int(rng.random() * 24), int(rng.random() * 24))
            for _ in range(20 + int(rng.random() * 40)):
                d += "%s%.2f %.2f" % (M.pick(rng, "lLcCsSqQ"), rng.random() * 24, rng.random() * 24)
            symbols.append('<symbol id="i%d" viewBox="0 0 24 24"><path d="%sz"/></symbol>' % (i, d))
        outlet.sprite = '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">%s</svg>\n' % "".join(symbols)
    return outlet.sprite


def fill_scripts(pools, outlet, rng, budget):
    """Style and script blocks from the outlet's pool, `budget` bytes in all: styles in the
    head, a few scripts high in the body, the rest before </body>."""
    head, body, end = [], [], []
    style_budget = budget // 4
    order = list(outlet.style_ids)
    rng.shuffle(order)
    used = 0
    for i in order:
        chunk = pools.styles[i][:style_budget - used]
        head.append(b"<style>" + chunk + b"</style>\n")
        used += len(chunk) + 16
        if used >= style_budget:
            break
    order = list(outlet.script_ids)
    rng.shuffle(order)
    for n, i in enumerate(order):
        if used >= budget:
            break
        chunk = pools.scripts[i][:max(budget - used, 200)]
        (head if n < 3 else body if n < 6 else end).append(b"<script>" + chunk + b"</script>\n")
        used += len(chunk) + 18
    return head, body, end


# ---------------------------------------------------------------------------
# Feeds, sitemaps, robots, home


def latest(world, outlet, count):
    first = max(0, outlet.count - count)
    return [world.article(outlet.index, j) for j in range(outlet.count - 1, first - 1, -1)]


def feed(world, outlet):
    items = latest(world, outlet, 50)
    built = rfc822(world.end.timestamp())
    if outlet.feed_path == "/atom.xml":
        out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n',
               "<title>%s</title>\n<link href=\"%s/\"/>\n<id>%s/</id>\n<updated>%s</updated>\n" %
               (esc(outlet.name), outlet.base, outlet.base, utc_iso(world.end.timestamp()))]
        for a in items:
            out.append("<entry><title>%s</title><link href=\"%s\"/><id>%s</id><published>%s</published>"
                       "<updated>%s</updated><author><name>%s</name></author></entry>\n" %
                       (esc(a.title), a.url, a.url, iso(outlet, a.time), iso(outlet, a.time), esc(a.author)))
        out.append("</feed>\n")
        return "".join(out)
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n',
           "<title>%s</title>\n<link>%s/</link>\n<description>%s</description>\n<language>%s</language>\n"
           "<lastBuildDate>%s</lastBuildDate>\n" % (esc(outlet.name), outlet.base, esc(outlet.name),
                                                    "zh-cn" if outlet.language == "zh" else "en-us", built)]
    for a in items:
        out.append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"true\">%s</guid><pubDate>%s</pubDate>"
                   "<category>%s</category></item>\n" % (esc(a.title), a.url, a.url, rfc822(a.time), esc(a.section)))
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def month_bounds(year, month):
    start = dt.datetime(year, month, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=dt.timezone.utc)
    return start.timestamp(), end.timestamp()


def sitemap_index(world, outlet):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for year, month in world.months():
        lo, hi = month_bounds(year, month)
        if world.index_at(outlet, lo) == world.index_at(outlet, hi):
            continue
        out.append("<sitemap><loc>%s/sitemaps/%04d-%02d.xml</loc><lastmod>%s</lastmod></sitemap>\n" %
                   (outlet.base, year, month, utc_iso(min(hi, world.end.timestamp()))))
    out.append("<sitemap><loc>%s/sitemap-news.xml</loc></sitemap>\n</sitemapindex>\n" % outlet.base)
    return "".join(out)


def sitemap_month(world, outlet, year, month):
    lo, hi = month_bounds(year, month)
    first, last = world.index_at(outlet, lo), world.index_at(outlet, hi)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for j in range(first, last):
        a = world.article(outlet.index, j)
        out.append("<url><loc>%s</loc><lastmod>%s</lastmod></url>\n" % (a.url, utc_iso(a.time)))
    out.append("</urlset>\n")
    return "".join(out)


def sitemap_news(world, outlet):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n']
    for a in latest(world, outlet, 100):
        out.append("<url><loc>%s</loc><news:news><news:publication><news:name>%s</news:name><news:language>%s"
                   "</news:language></news:publication><news:publication_date>%s</news:publication_date>"
                   "<news:title>%s</news:title></news:news></url>\n" %
                   (a.url, esc(outlet.name), outlet.language, iso(outlet, a.time), esc(a.title)))
    out.append("</urlset>\n")
    return "".join(out)


def home(world, outlet):
    out = ['<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title></head><body>\n<h1>%s</h1>\n<ul>' %
           (outlet.language, esc(outlet.name), esc(outlet.name))]
    for a in latest(world, outlet, 60):
        out.append('<li><a href="%s">%s</a></li>\n' % (a.url, esc(a.title)))
    out.append("</ul></body></html>\n")
    return "".join(out)


def robots(outlet):
    return "User-agent: *\nDisallow: /search\nDisallow: /newsletter\nSitemap: %s/sitemap.xml\n" % outlet.base


def document(world, host, path, phase=1):
    """The Document the world serves for host + path, or None (a 404)."""
    outlet = world.by_host.get(host)
    if outlet is None:
        return None
    fixed = world.end.timestamp()
    key = "%d|%s|%s|%s|" % (M.GENERATOR_VERSION, json.dumps(world.params, sort_keys=True), host, path)
    xml = "application/xml"
    if path in ("/", "/index.html"):
        return Document("text/html; charset=utf-8", fixed, key, lambda: home(world, outlet))
    if path == "/robots.txt":
        return Document("text/plain", fixed, key, lambda: robots(outlet))
    if path == outlet.feed_path:
        ctype = "application/atom+xml" if path == "/atom.xml" else "application/rss+xml"
        return Document(ctype, fixed, key, lambda: feed(world, outlet))
    if path == "/sitemap.xml":
        return Document(xml, fixed, key, lambda: sitemap_index(world, outlet))
    if path == "/sitemap-news.xml":
        return Document(xml, fixed, key, lambda: sitemap_news(world, outlet))
    if path.startswith("/sitemaps/") and path.endswith(".xml"):
        try:
            year, month = int(path[10:14]), int(path[15:17])
        except ValueError:
            return None
        if (year, month) not in world.months() or len(path) != 21:
            return None
        return Document(xml, fixed, key, lambda: sitemap_month(world, outlet, year, month))
    article = world.article_for_path(outlet, path)
    if article is None:
        return None
    edited = phase == 2 and world.edited(article)
    modified = fixed + 86400 if edited else article.time + 3600
    charset = outlet.charset
    return Document("text/html" if charset == "gbk" and outlet.index % 20 == 8 else "text/html; charset=%s" % charset,
                    modified, key + ("edited" if edited else ""),
                    lambda: article_page(world, article, phase), charset=charset)
