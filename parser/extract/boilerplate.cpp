/// \file
/// Phrase lists for template furniture inside article bodies.
#include "parser/extract/boilerplate.h"

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// A paragraph that is exactly one of these (case-insensitive, trailing punctuation
/// ignored) is dropped whatever its length.
constexpr std::string_view kWholeLines[] = {
    "advertisement", "advertisment", "advertising", "sponsored", "sponsored content",
    "story continues below advertisement", "article continues below advertisement",
    "advertisement - scroll to continue", "scroll to continue with content",
    "continue reading", "continue reading below", "read more", "read the full story",
    "share", "share this article", "share this story", "share on facebook",
    "share on x", "share on twitter", "tweet", "email", "print", "comments",
    "leave a comment", "skip advertisement", "related", "related articles",
    "related stories", "recommended", "more on this story", "you may also like",
    "广告", "推广", "分享", "分享到", "返回顶部", "打印", "关闭", "收藏", "相关阅读", "相关新闻",
    "推荐阅读", "延伸阅读", "광고", "広告"};

/// Short paragraphs starting with one of these are dropped.
constexpr std::string_view kShortPrefixes[] = {
    "read more:", "read more ", "read also", "also read", "related:", "related coverage",
    "see also", "recommended:", "recommended reading", "sign up", "subscribe to",
    "subscribe now", "click here", "share this", "follow us", "follow @", "get the latest",
    "download the app", "download our app", "more from ", "more stories", "watch:", "listen:",
    "this article is part of", "advertisement", "sponsored:", "(advertisement)",
    "image:", "image source:", "photo:", "photograph:", "picture:", "file photo",
    "source: getty", "getty images", "credit:", "copyright ©", "copyright (c)", "© ",
    "all rights reserved", "相关阅读", "推荐阅读", "延伸阅读", "相关新闻", "相关报道", "责任编辑",
    "（责任编辑", "(责任编辑", "责编", "【责任编辑", "编辑：", "编辑:", "校对：", "审核：",
    "点击进入", "点击查看", "关注我们", "扫码", "版权声明", "本文来源", "原标题", "免责声明",
    "声明：", "图片来源", "图源", "（图片来源", "【广告】", "관련기사", "기자 구독", "無断転載",
    "\xE2\x93\x92", "무단 전재", "저작권자", "<저작권자", "Copyright ©", "Copyright©", "返回搜狐", "查看更多",
    "声明：该文观点", "特别声明", "本文来自", "文章来源", "关联阅读", "关联新闻", "更多精彩", "关注公众号", "関連記事",
    "この記事を", "관련 기사", "관련기사", "많이 본 뉴스", "continue reading the main story",
    "story continues below", "article continues below", "this content is imported from",
    "sign up for", "get our newsletter", "we may earn a commission", "this post may contain affiliate links"};

/// Short paragraphs containing one of these anywhere are rights notices.
constexpr std::string_view kShortContains[] = {
    "all rights reserved", "without permission is prohibited", "without permission are prohibited",
    "this article was provided by", "this story was provided by", "was originally published",
    "this story originally appeared", "distributed by tribune", "already a subscriber", "of your free articles", "cancel anytime", "subscribe to continue",
    "subscribe to keep reading", "subscribe to read", "subscribers only", "for subscribers",
    "may not be reproduced", "may not be published, broadcast", "republication without permission",
    "未经授权", "未经许可", "禁止转载", "不得转载", "版权所有", "무단 전재", "재배포 금지", "無断転載", "無断複製"};

constexpr std::size_t kShortParagraphChars = 140;

bool strip_trailing_punct(std::string_view& s) {
    bool changed = false;
    while (!s.empty() && (s.back() == '.' || s.back() == ':' || s.back() == ' ' || s.back() == '!' ||
                          s.back() == '>' || s.back() == '|')) {
        s.remove_suffix(1);
        changed = true;
    }
    return changed;
}

bool has_word_character(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = text::next_code_point(s, pos);
        if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
        if (cp >= 0xC0 && cp != text::kReplacement && !text::is_space(cp) && !text::is_invisible(cp) &&
            !(cp >= 0x2000 && cp <= 0x2BFF) && !text::is_cjk_punctuation(cp) && !(cp >= 0x3000 && cp <= 0x303F) &&
            !(cp >= 0xFF00 && cp <= 0xFF0F))
            return true;
    }
    return false;
}

/// `p` without leading symbols, emoji and punctuation ("👉 Also Read: ..." -> "Also Read: ...").
std::string_view skip_leading_symbols(std::string_view p) {
    std::size_t pos = 0;
    while (pos < p.size()) {
        std::size_t next = pos;
        const char32_t cp = text::next_code_point(p, next);
        const bool letter_or_digit = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                                     (cp >= 0xC0 && cp < 0x2000) || text::is_cjk(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
                                     (cp >= 0xFF00 && cp <= 0xFFEF) || cp == '(' || cp == '[' || cp == '<';
        if (letter_or_digit) break;
        pos = next;
    }
    return p.substr(pos);
}

} // namespace

bool is_boilerplate_paragraph(std::string_view p_in) {
    if (!has_word_character(p_in)) return true;
    const std::string_view p = skip_leading_symbols(p_in);
    std::string_view core = p;
    strip_trailing_punct(core);
    for (auto w : kWholeLines)
        if (text::iequals(core, w)) return true;
    if (text::code_points(p) > kShortParagraphChars) return false;
    for (auto prefix : kShortPrefixes)
        if (text::istarts_with(p, prefix) || text::istarts_with(p_in, prefix)) return true;
    for (auto phrase : kShortContains)
        if (text::ifind(p, phrase) != std::string_view::npos) return true;
    return false;
}

bool is_comments_heading(std::string_view heading) {
    std::string_view h = text::trim(heading);
    while (!h.empty() && ((h.front() >= '0' && h.front() <= '9') || h.front() == ' ' || h.front() == '(' ))
        h.remove_prefix(1);
    strip_trailing_punct(h);
    for (std::string_view w : {"comments", "comment", "reader comments", "join the conversation",
                               "join the discussion", "discussion", "conversation", "leave a reply",
                               "leave a comment", "responses", "replies", "评论", "网友评论", "热门评论",
                               "最新评论", "读者评论", "留言", "댓글", "コメント"})
        if (text::iequals(h, w)) return true;
    // "24 Comments", "Comments (24)", "评论（24）"
    for (std::string_view w : {"comments (", "comments(", "评论（", "评论(", "留言（"})
        if (text::istarts_with(h, w)) return true;
    return false;
}

bool is_paywall_heading(std::string_view heading) {
    const std::string_view h = text::trim(heading);
    if (text::code_points(h) > 80) return false;
    for (std::string_view w : {"subscribe to continue", "subscribe to keep reading", "subscribe to read",
                               "continue reading with", "to continue reading", "this article is for subscribers",
                               "this story is for subscribers", "exclusive to subscribers", "subscriber exclusive",
                               "unlock this article", "订阅后继续阅读", "订阅后阅读全文", "付费阅读", "登录后阅读全文",
                               "구독하고 계속", "有料会員"})
        if (text::ifind(h, w) != std::string_view::npos) return true;
    return false;
}

bool is_noscript_notice(std::string_view text) {
    if (text::code_points(text) > 400) return false;
    for (std::string_view w : {"javascript", "browser", "enable js", "turn on js", "cookies", "浏览器", "JavaScript"})
        if (text::ifind(text, w) != std::string_view::npos) return true;
    return false;
}

} // namespace rumorwatch
