/// \file
/// The main-text scorer. One driver (extract_main_text) over small passes: page facts
/// measured once, then per attempt: removal, subtree statistics, paragraph scoring,
/// candidate choice, sibling merging, conditional cleaning and rendering.
#include "parser/extract/readability.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "parser/extract/boilerplate.h"
#include "parser/extract/class_hints.h"
#include "parser/extract/dates.h"
#include "parser/core/core.h"

namespace rumorwatch {
namespace {

// ---- Knobs ---------------------------------------------------------------------------

/// Paragraphs shorter than this (in Latin-equivalent characters) add nothing to a score.
constexpr double kMinParagraphLength = 25;
/// One Han/Kana/Hangul character weighs like this many Latin characters.
constexpr double kCjkLengthFactor = 2.5;
/// A paragraph earns one point per this many characters, at most kMaxLengthPoints.
constexpr double kCharsPerPoint = 100;
constexpr double kMaxLengthPoints = 3;
/// How far up a paragraph's score travels (parent full, grandparent half, then 1/(3·level)).
constexpr int kMaxAncestorLevels = 5;
/// Candidates kept for the "several good candidates share an ancestor" rule.
constexpr std::size_t kTopCandidates = 5;
constexpr double kAlternativeScoreRatio = 0.75;
constexpr int kMinAlternativesInAncestor = 3;
/// Siblings of the winner join it above this share of its score (and this floor).
constexpr double kSiblingScoreRatio = 0.2;
constexpr double kMinSiblingScore = 10;
/// A sibling paragraph joins on its own when long and not a link list.
constexpr double kSiblingParagraphLength = 80;
constexpr double kSiblingMaxLinkDensity = 0.25;
/// Below this much text the scorer tries again with fewer filters, and keeps an earlier
/// attempt when it found at least this share of what the best later attempt found.
constexpr double kMinArticleLength = 500;
constexpr double kRetryKeepRatio = 0.6;
/// An element holding more than this share of the page's text is a wrapper, not furniture.
constexpr double kWrapperShare = 0.5;
/// Conditional cleaning: containers inside the winner with few commas are dropped when
/// their link density passes these limits (kCleanLinkDensityPositive for positive classes).
constexpr double kCleanLinkDensity = 0.33;
constexpr double kCleanLinkDensityPositive = 0.5;
constexpr double kCleanListLinkDensity = 0.5;
constexpr int kCleanMaxCommas = 10;
/// Containers with this many headings that link to other pages (and at least as many
/// of those as unlinked ones) are lists of other stories ("More news" cards), when the
/// text under each linked heading is no longer than a blurb.
constexpr int kMinTeaserHeadings = 2;
constexpr double kMaxTeaserBlurb = 320;
/// Score kept by a container under another story's <h1> (infinite-scroll pages).
constexpr double kOtherArticlePenalty = 0.2;
/// Class-name weights (kWeightClasses) and the bonus for itemprop="articleBody".
constexpr double kArticleBodyBonus = 50;
/// A short paragraph that is (almost) all link text is navigation: "« Back to news".
constexpr double kMaxLinkParagraphDensity = 0.9;
constexpr std::size_t kMaxLinkParagraphChars = 120;
/// Leading paragraphs shorter than this that start like a byline are dropped.
constexpr std::size_t kMaxBylineParagraph = 100;
constexpr std::size_t kMaxCjkBylineParagraph = 30;
/// Leading lines this short holding a date are datelines, not text.
constexpr std::size_t kMaxDatelineChars = 60;
constexpr int kMaxDatelineWords = 8;

enum Flag : unsigned {
    kStripUnlikely = 1u,       ///< remove elements whose class/id says "not content"
    kWeightClasses = 2u,       ///< add class/id weights to candidate scores
    kCleanConditionally = 4u,  ///< drop link-heavy containers inside the winner
};

/// What one text node contains.
struct TextMeasure {
    std::int32_t chars = 0;  ///< non-space characters
    std::int32_t cjk = 0;    ///< of which Han, Kana or Hangul
    std::int32_t commas = 0; ///< ',' and CJK clause punctuation
};

TextMeasure measure(std::string_view s) {
    TextMeasure m;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) {
            ++pos;
            if (b > ' ') ++m.chars;
            if (b == ',') ++m.commas;
            continue;
        }
        const char32_t cp = text::next_code_point(s, pos);
        if (text::is_space(cp) || text::is_invisible(cp)) continue;
        ++m.chars;
        if (text::is_cjk(cp)) ++m.cjk;
        else if (text::is_cjk_punctuation(cp)) ++m.commas;
    }
    return m;
}

double effective_length(std::int32_t chars, std::int32_t cjk) {
    return chars + cjk * (kCjkLengthFactor - 1.0);
}

bool has_style_hidden(std::string_view style) {
    if (style.empty()) return false;
    std::string s;
    for (char c : style)
        if (c != ' ' && c != '\t' && c != '\n') s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool is_furniture_role(std::string_view role) {
    for (std::string_view r : {"navigation", "contentinfo", "complementary", "menu", "menubar", "search",
                               "toolbar", "dialog", "alertdialog", "banner", "tooltip", "tablist"})
        if (text::iequals(role, r)) return true;
    return false;
}

/// Elements that never hold article text.
bool is_never_content(Tag t) {
    switch (t) {
    case Tag::head: case Tag::title: case Tag::meta: case Tag::link: case Tag::base:
    case Tag::template_: case Tag::button: case Tag::select: case Tag::option: case Tag::input:
    case Tag::textarea: case Tag::iframe: case Tag::object: case Tag::embed: case Tag::canvas:
    case Tag::video: case Tag::audio: case Tag::dialog: case Tag::nav: case Tag::label:
    case Tag::fieldset: case Tag::legend: case Tag::menu:
        return true;
    default:
        return false;
    }
}

/// Facts about the page that do not depend on the attempt's flags.
struct PageFacts {
    std::vector<TextMeasure> own;        ///< per text node
    std::vector<std::int32_t> raw_chars; ///< subtree characters before any removal
    std::vector<std::uint8_t> marker;    ///< subtree holds h1, <main> or itemprop=articleBody
    const std::vector<ClassHint>* hints = nullptr; ///< per element (classify_elements)
    std::vector<std::uint8_t> hidden;    ///< hidden attribute, aria-hidden, display:none
    std::vector<std::uint8_t> comments;  ///< a section introduced by a "Comments" or "Subscribe to continue" heading
    std::vector<std::uint8_t> article_body; ///< itemprop=articleBody
    std::vector<std::uint8_t> story_list;   ///< cards of other stories (linked headings + blurbs)
    std::int32_t total_chars = 0;
};

PageFacts measure_page(const Dom& dom, const std::vector<ClassHint>& hints) {
    const auto n = static_cast<std::size_t>(dom.size());
    PageFacts f;
    f.own.resize(n);
    f.raw_chars.assign(n, 0);
    f.marker.assign(n, 0);
    f.hints = &hints;
    f.hidden.assign(n, 0);
    f.comments.assign(n, 0);
    f.article_body.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const DomNode& node = dom.nodes()[i];
        const auto idx = static_cast<std::int32_t>(i);
        if (node.kind == NodeKind::text) {
            f.own[i] = measure(node.text);
            continue;
        }
        if (node.kind != NodeKind::element || node.attr_count == 0) continue;
        if (dom.has_attr(idx, "hidden") || text::iequals(dom.attr(idx, "aria-hidden"), "true") ||
            has_style_hidden(dom.attr(idx, "style")))
            f.hidden[i] = 1;
        if (text::iequals(dom.attr(idx, "itemprop"), "articleBody")) f.article_body[i] = 1;
    }
    // Headings that link to another page ("More news" cards) and the text under them.
    std::vector<std::int32_t> link_chars(n, 0), headings(n, 0), linked_headings(n, 0), linked_heading_chars(n, 0);
    for (std::size_t k = n; k-- > 0;) {
        const DomNode& node = dom.nodes()[k];
        if (node.kind == NodeKind::text) f.raw_chars[k] = f.own[k].chars;
        if (node.kind == NodeKind::element) {
            if (node.tag == Tag::h1 || node.tag == Tag::main || f.article_body[k]) f.marker[k] = 1;
            if (node.tag == Tag::a) {
                const std::string_view href = dom.attr(static_cast<std::int32_t>(k), "href");
                if (!href.empty() && href[0] != '#') link_chars[k] = f.raw_chars[k];
            }
            if (is_heading(node.tag)) {
                ++headings[k];
                if (link_chars[k] > 0 && link_chars[k] * 2 >= f.raw_chars[k]) {
                    ++linked_headings[k];
                    linked_heading_chars[k] = f.raw_chars[k];
                }
            }
            if (node.tag == Tag::a && link_chars[k] > 0 && headings[k] > linked_headings[k]) {
                linked_headings[k] = headings[k];
                linked_heading_chars[k] = f.raw_chars[k];
            }
        }
        if (node.parent >= 0) {
            const auto p = static_cast<std::size_t>(node.parent);
            f.raw_chars[p] += f.raw_chars[k];
            f.marker[p] |= f.marker[k];
            link_chars[p] += link_chars[k];
            headings[p] += headings[k];
            linked_headings[p] += linked_headings[k];
            linked_heading_chars[p] += linked_heading_chars[k];
        }
    }
    f.total_chars = f.raw_chars.empty() ? 0 : f.raw_chars[0];
    // Lists of other stories: several headings linking elsewhere, few that do not, and only
    // a blurb of text under each (a listicle has paragraphs under its linked headings).
    f.story_list.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k) {
        if (linked_headings[k] < kMinTeaserHeadings || linked_headings[k] * 2 < headings[k]) continue;
        const double per_item = double(f.raw_chars[k] - linked_heading_chars[k]) / linked_headings[k];
        if (per_item <= kMaxTeaserBlurb && !f.marker[k]) f.story_list[k] = 1;
    }
    // Comment sections announced by their heading ("24 Comments"), whatever their class.
    for (std::size_t i = 0; i < n; ++i) {
        const DomNode& node = dom.nodes()[i];
        if (node.kind != NodeKind::element ||
            !(node.tag == Tag::section || node.tag == Tag::div || node.tag == Tag::aside))
            continue;
        int seen = 0;
        for (std::int32_t c = node.first_child; c >= 0 && seen < 3; c = dom.node(c).next_sibling) {
            const DomNode& child = dom.node(c);
            if (child.kind != NodeKind::element) continue;
            ++seen;
            if (child.tag == Tag::h2 || child.tag == Tag::h3 || child.tag == Tag::h4 || child.tag == Tag::h5) {
                if (f.raw_chars[static_cast<std::size_t>(c)] < 80) {
                    const std::string heading = dom.text(c);
                    if (is_comments_heading(heading) || is_paywall_heading(heading)) f.comments[i] = 1;
                }
                break;
            }
        }
    }
    return f;
}

/// One try of the scorer with a set of flags.
class Attempt {
public:
    Attempt(const Dom& dom, const PageFacts& facts, unsigned flags, std::string_view title)
        : dom_(dom), facts_(facts), flags_(flags), title_(title) {}

    MainText run() {
        mark_dead();
        sum_live_text();
        score_paragraphs();
        choose();
        if (flags_ & kCleanConditionally) clean_conditionally();
        return render();
    }

private:
    std::size_t n() const { return static_cast<std::size_t>(dom_.size()); }
    static std::size_t u(std::int32_t i) { return static_cast<std::size_t>(i); }
    double share(std::int32_t i) const {
        return facts_.total_chars > 0 ? double(facts_.raw_chars[u(i)]) / facts_.total_chars : 0.0;
    }
    double eff(std::int32_t i) const { return effective_length(chars_[u(i)], cjk_[u(i)]); }
    double link_density(std::int32_t i) const {
        return chars_[u(i)] > 0 ? double(links_[u(i)]) / chars_[u(i)] : 0.0;
    }

    void mark_dead() {
        dead_.assign(n(), 0);
        caption_.assign(n(), 0);
        for (std::size_t k = 0; k < n(); ++k) {
            const DomNode& node = dom_.nodes()[k];
            const auto i = static_cast<std::int32_t>(k);
            if (node.parent >= 0 && dead_[u(node.parent)]) {
                dead_[k] = 1;
                continue;
            }
            if (node.kind != NodeKind::element) continue;
            if (node.tag == Tag::body || node.tag == Tag::html) continue;
            const ClassHint& hint = (*facts_.hints)[k];
            const bool marker = facts_.marker[k];
            bool dead = false;
            if (is_never_content(node.tag)) {
                dead = node.tag != Tag::nav || share(i) <= 0.8;
            } else if (node.tag == Tag::form) {
                dead = !marker && share(i) <= kWrapperShare;
            } else if (node.tag == Tag::aside || node.tag == Tag::footer || node.tag == Tag::header) {
                dead = share(i) <= kWrapperShare;
            } else if (node.tag == Tag::noscript) {
                dead = facts_.raw_chars[k] < kMinParagraphLength || is_noscript_notice(dom_.text(i));
            }
            if (!dead && facts_.hidden[k]) dead = !marker;
            if (!dead && (hint.comments || hint.always_remove || facts_.comments[k] || facts_.story_list[k])) dead = !marker;
            if (!dead && is_furniture_role(dom_.attr(i, "role"))) dead = share(i) <= kWrapperShare;
            if (!dead && (node.tag == Tag::figcaption || (hint.caption && !hint.positive))) {
                caption_[k] = 1;
                dead = true;
            }
            if (!dead && (flags_ & kStripUnlikely) && node.tag != Tag::a) {
                if (hint.hard_negative) dead = !marker;
                else if (hint.soft_negative && !hint.positive) dead = !marker && share(i) <= kWrapperShare;
            }
            dead_[k] = dead;
        }
    }

    void sum_live_text() {
        chars_.assign(n(), 0);
        cjk_.assign(n(), 0);
        links_.assign(n(), 0);
        commas_.assign(n(), 0);
        paragraphs_.assign(n(), 0);
        lists_.assign(n(), 0);
        images_.assign(n(), 0);
        linked_headings_.assign(n(), 0);
        headings_.assign(n(), 0);
        story_links_.assign(n(), 0);
        for (std::size_t k = n(); k-- > 0;) {
            if (dead_[k]) continue;
            const DomNode& node = dom_.nodes()[k];
            if (node.kind == NodeKind::text) {
                chars_[k] = facts_.own[k].chars;
                cjk_[k] = facts_.own[k].cjk;
                commas_[k] = facts_.own[k].commas;
            } else if (node.kind == NodeKind::element) {
                if (node.tag == Tag::a) {
                    links_[k] = chars_[k];
                    // Links to another page, not to an anchor of this one ("#section-2").
                    const std::string_view href = dom_.attr(static_cast<std::int32_t>(k), "href");
                    if (!href.empty() && href[0] != '#') story_links_[k] = chars_[k];
                }
                if (node.tag == Tag::p && chars_[k] > 0) ++paragraphs_[k];
                if (node.tag == Tag::li) ++lists_[k];
                if (node.tag == Tag::img) ++images_[k];
                // A heading that is a link (or holds one) is a teaser for another story.
                if (is_heading(node.tag)) {
                    ++headings_[k];
                    if (story_links_[k] > 0 && story_links_[k] * 2 >= chars_[k]) ++linked_headings_[k];
                }
                if (node.tag == Tag::a && story_links_[k] > 0) linked_headings_[k] = std::max(linked_headings_[k], headings_[k]);
            }
            if (node.parent >= 0) {
                const auto p = u(node.parent);
                chars_[p] += chars_[k];
                cjk_[p] += cjk_[k];
                links_[p] += links_[k];
                commas_[p] += commas_[k];
                paragraphs_[p] += paragraphs_[k];
                lists_[p] += lists_[k];
                images_[p] += images_[k];
                linked_headings_[p] += linked_headings_[k];
                headings_[p] += headings_[k];
                story_links_[p] += story_links_[k];
            }
        }
    }

    void init_candidate(std::int32_t i) {
        if (scored_[u(i)]) return;
        scored_[u(i)] = 1;
        double s = 0;
        switch (dom_.node(i).tag) {
        case Tag::div: case Tag::article: case Tag::main: s = 5; break;
        case Tag::pre: case Tag::td: case Tag::blockquote: case Tag::section: s = 3; break;
        case Tag::address: case Tag::ol: case Tag::ul: case Tag::dl: case Tag::dd: case Tag::dt:
        case Tag::li: case Tag::form: s = -3; break;
        case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
        case Tag::th: s = -5; break;
        default: break;
        }
        if (flags_ & kWeightClasses) s += (*facts_.hints)[u(i)].weight();
        if (facts_.article_body[u(i)]) s += kArticleBodyBonus;
        score_[u(i)] = s;
    }

    /// Adds a paragraph's score to `first` and its ancestors with the decay of the knobs.
    void propagate(std::int32_t first, double points) {
        int level = 0;
        for (std::int32_t r = first; r >= 0 && level < kMaxAncestorLevels; r = dom_.node(r).parent, ++level) {
            if (dom_.node(r).kind != NodeKind::element) break;
            init_candidate(r);
            const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            score_[u(r)] += points / divider;
        }
    }

    static double paragraph_points(double length, double commas) {
        return 1.0 + commas + std::min(std::floor(length / kCharsPerPoint), kMaxLengthPoints);
    }

    bool has_block_child(std::int32_t i) const {
        for (std::int32_t c = dom_.node(i).first_child; c >= 0; c = dom_.node(c).next_sibling) {
            const DomNode& child = dom_.node(c);
            if (child.kind == NodeKind::element && !dead_[u(c)] && is_block(child.tag) && child.tag != Tag::br)
                return true;
        }
        return false;
    }

    void score_paragraphs() {
        score_.assign(n(), 0.0);
        scored_.assign(n(), 0);
        for (std::size_t k = 0; k < n(); ++k) {
            const DomNode& node = dom_.nodes()[k];
            if (dead_[k] || node.kind != NodeKind::element || chars_[k] == 0) continue;
            const auto i = static_cast<std::int32_t>(k);
            const Tag t = node.tag;
            const bool paragraph_like =
                t == Tag::p || t == Tag::pre ||
                ((t == Tag::blockquote || t == Tag::li || t == Tag::dd || t == Tag::td) && !has_block_child(i));
            if (paragraph_like) {
                const double len = eff(i);
                if (len < kMinParagraphLength) continue;
                propagate(node.parent, paragraph_points(len, commas_[k]));
                continue;
            }
            if (!(t == Tag::div || t == Tag::section || t == Tag::article || t == Tag::main || t == Tag::td ||
                  t == Tag::blockquote || t == Tag::li || t == Tag::center || t == Tag::font || t == Tag::span ||
                  t == Tag::body || t == Tag::other || t == Tag::dd))
                continue;
            // Text written straight into a container (the "<br><br>" pages): each run
            // between block children or line breaks is scored as a paragraph of its own.
            double points = 0, seg_chars = 0, seg_cjk = 0, seg_commas = 0;
            bool direct_text = false;
            const auto close_segment = [&] {
                const double len = effective_length(static_cast<std::int32_t>(seg_chars), static_cast<std::int32_t>(seg_cjk));
                if (len >= kMinParagraphLength) points += paragraph_points(len, seg_commas);
                seg_chars = seg_cjk = seg_commas = 0;
            };
            for (std::int32_t c = node.first_child; c >= 0; c = dom_.node(c).next_sibling) {
                const DomNode& child = dom_.node(c);
                if (dead_[u(c)]) continue;
                if (child.kind == NodeKind::text) {
                    if (facts_.own[u(c)].chars > 0) direct_text = true;
                } else if (child.kind != NodeKind::element || is_block(child.tag)) {
                    close_segment();
                    continue;
                }
                seg_chars += chars_[u(c)];
                seg_cjk += cjk_[u(c)];
                seg_commas += commas_[u(c)];
            }
            close_segment();
            if (direct_text && points > 0) propagate(i, points);
        }
        final_.assign(n(), 0.0);
        for (std::size_t k = 0; k < n(); ++k)
            if (scored_[k]) final_[k] = score_[k] * (1.0 - link_density(static_cast<std::int32_t>(k)));
        penalise_other_articles();
    }

    /// Pages that load the next story below the first (infinite scroll) carry a second
    /// <h1>: containers under another story's headline are not this page's article.
    void penalise_other_articles() {
        const std::string title = fold(title_);
        if (title.size() < 4) return;
        other_article_.assign(n(), 0);
        std::vector<std::int32_t> title_h1(n(), 0), other_h1(n(), 0);
        bool any_title_h1 = false;
        for (std::size_t k = n(); k-- > 0;) {
            const DomNode& node = dom_.nodes()[k];
            if (node.kind == NodeKind::element && node.tag == Tag::h1 && !dead_[k]) {
                const std::string h = fold(dom_.text(static_cast<std::int32_t>(k)));
                const bool same = !h.empty() && (h == title || (h.size() >= 8 && title.find(h) != std::string::npos) ||
                                                 (title.size() >= 8 && h.find(title) != std::string::npos));
                (same ? title_h1 : other_h1)[k] += 1;
                any_title_h1 = any_title_h1 || same;
            }
            if (node.parent >= 0) {
                title_h1[u(node.parent)] += title_h1[k];
                other_h1[u(node.parent)] += other_h1[k];
            }
        }
        if (!any_title_h1) return;
        for (std::size_t k = 0; k < n(); ++k) {
            if (!scored_[k]) continue;
            for (std::int32_t a = static_cast<std::int32_t>(k); a >= 0; a = dom_.node(a).parent) {
                if (title_h1[u(a)] + other_h1[u(a)] == 0) continue;
                if (title_h1[u(a)] == 0) {
                    final_[k] *= kOtherArticlePenalty;
                    other_article_[k] = 1;
                }
                break;
            }
        }
    }

    void choose() {
        std::vector<std::int32_t> top;
        for (std::size_t k = 0; k < n(); ++k) {
            if (!scored_[k] || is_story_list(static_cast<std::int32_t>(k))) continue;
            top.push_back(static_cast<std::int32_t>(k));
        }
        std::sort(top.begin(), top.end(), [&](std::int32_t a, std::int32_t b) { return final_[u(a)] > final_[u(b)]; });
        if (top.size() > kTopCandidates) top.resize(kTopCandidates);
        const std::int32_t body = dom_.body() >= 0 ? dom_.body() : 0;
        if (top.empty()) {
            root_ = body;
            parts_ = {root_};
            return;
        }
        std::int32_t best = top[0];
        const double best_score = final_[u(best)];

        // Several near-equal candidates under one ancestor: the ancestor is the article.
        std::vector<std::int32_t> alternatives;
        for (std::size_t k = 1; k < top.size(); ++k)
            if (best_score > 0 && final_[u(top[k])] / best_score >= kAlternativeScoreRatio) alternatives.push_back(top[k]);
        if (static_cast<int>(alternatives.size()) >= kMinAlternativesInAncestor) {
            for (std::int32_t p = dom_.node(best).parent; p >= 0 && p != body; p = dom_.node(p).parent) {
                int contained = 0;
                for (std::int32_t a : alternatives)
                    if (dom_.contains(p, a)) ++contained;
                if (contained >= kMinAlternativesInAncestor) {
                    best = p;
                    break;
                }
            }
        }
        init_candidate(best);

        // Climb while a parent scores better than the path below it.
        {
            double last = final_[u(best)];
            const double threshold = last / 3.0;
            for (std::int32_t p = dom_.node(best).parent; p >= 0 && p != body; p = dom_.node(p).parent) {
                if (!scored_[u(p)]) continue;
                const double ps = final_[u(p)];
                if (ps < threshold) break;
                if (ps > last) {
                    best = p;
                    break;
                }
                last = ps;
            }
        }
        // An only child stands for its parent.
        while (best != body) {
            const std::int32_t p = dom_.node(best).parent;
            if (p < 0 || p == body || dom_.node(p).kind != NodeKind::element) break;
            int live_elements = 0;
            for (std::int32_t c = dom_.node(p).first_child; c >= 0; c = dom_.node(c).next_sibling)
                if (dom_.node(c).kind == NodeKind::element && !dead_[u(c)]) ++live_elements;
            if (live_elements != 1) break;
            best = p;
        }
        root_ = best;
        merge_siblings();
    }

    /// Cards of other stories: several headings that link elsewhere, and few that do not.
    bool is_story_list(std::int32_t i) const {
        return linked_headings_[u(i)] >= kMinTeaserHeadings && linked_headings_[u(i)] * 2 >= headings_[u(i)];
    }

    static bool ends_sentence(std::string_view s) {
        return s.find(". ") != std::string_view::npos || (!s.empty() && s.back() == '.') ||
               s.find("\xE3\x80\x82") != std::string_view::npos; // 。
    }

    void merge_siblings() {
        parts_.clear();
        const std::int32_t parent = dom_.node(root_).parent;
        if (root_ == dom_.body() || parent < 0 || dom_.node(parent).kind != NodeKind::element) {
            parts_ = {root_};
            return;
        }
        const double top_score = final_[u(root_)];
        const double threshold = std::max(kMinSiblingScore, top_score * kSiblingScoreRatio);
        const std::string_view root_class = dom_.attr(root_, "class");
        for (std::int32_t s = dom_.node(parent).first_child; s >= 0; s = dom_.node(s).next_sibling) {
            if (s == root_) {
                parts_.push_back(s);
                continue;
            }
            const DomNode& sib = dom_.node(s);
            if (sib.kind != NodeKind::element || dead_[u(s)] || chars_[u(s)] == 0) continue;
            double bonus = 0;
            if (!root_class.empty() && dom_.attr(s, "class") == root_class) bonus = top_score * kSiblingScoreRatio;
            bool append = false;
            if (scored_[u(s)] && final_[u(s)] + bonus >= threshold) {
                append = true;
            } else if (sib.tag == Tag::p || sib.tag == Tag::blockquote || sib.tag == Tag::pre) {
                const double ld = link_density(s);
                const double len = eff(s);
                if (len > kSiblingParagraphLength && ld < kSiblingMaxLinkDensity) append = true;
                else if (len > 0 && len <= kSiblingParagraphLength && ld == 0 && ends_sentence(dom_.text(s))) append = true;
            }
            // Story cards ("More news": linked headline + blurb) score like paragraphs.
            if (append && is_story_list(s)) append = false;
            if (append && !other_article_.empty() && other_article_[u(s)]) append = false;
            if (append) parts_.push_back(s);
        }
    }

    void clean_conditionally() {
        drop_.assign(n(), 0);
        for (std::int32_t part : parts_) {
            dom_.walk(part, [&](std::int32_t i) {
                if (dead_[u(i)]) return false;
                const DomNode& node = dom_.node(i);
                if (node.kind != NodeKind::element) return false;
                if (i == part) return true;
                const Tag t = node.tag;
                if (!(t == Tag::div || t == Tag::section || t == Tag::ul || t == Tag::ol || t == Tag::table ||
                      t == Tag::aside || t == Tag::header || t == Tag::footer || t == Tag::dl || t == Tag::other ||
                      t == Tag::span || t == Tag::p))
                    return true;
                if (should_drop(i)) {
                    drop_[u(i)] = 1;
                    return false;
                }
                return true;
            });
        }
    }

    bool should_drop(std::int32_t i) const {
        const DomNode& node = dom_.node(i);
        const Tag t = node.tag;
        const double weight = (flags_ & kWeightClasses) ? (*facts_.hints)[u(i)].weight() : 0.0;
        const double ld = link_density(i);
        if (t == Tag::p || t == Tag::span) {
            // A paragraph that is one link and little else: "Read more: ...", promos.
            return chars_[u(i)] > 0 && chars_[u(i)] < 200 && ld > 0.9 && commas_[u(i)] == 0;
        }
        // Lists start with a negative tag score; judge them by their links alone.
        const bool is_list = t == Tag::ul || t == Tag::ol || t == Tag::dl;
        if (is_list) return weight < 0 || ld > kCleanListLinkDensity;
        if (weight + (scored_[u(i)] ? final_[u(i)] : 0.0) < 0) return true;
        if (is_story_list(i)) return true;
        if (commas_[u(i)] >= kCleanMaxCommas) return false;
        if (t == Tag::table) return ld > kCleanListLinkDensity;
        const int p = paragraphs_[u(i)];
        const int li = lists_[u(i)];
        const int img = images_[u(i)];
        if (li > p && ld > 0.2) return true;
        if (img > 1 && p * 2 < img && eff(i) < 200) return true;
        if (weight < 25 && ld > kCleanLinkDensity) return true;
        if (weight >= 25 && ld > kCleanLinkDensityPositive) return true;
        return false;
    }

    /// A rendered block with the share of its characters inside links.
    struct Block {
        std::string text;
        double link_density = 0;
        bool headline = false; ///< rendered from an <h1>
    };

    MainText render() {
        MainText out;
        out.root = root_;
        out.parts = parts_;
        std::vector<Block> blocks;
        std::string current;
        std::size_t current_chars = 0, current_link_chars = 0;
        int in_link = 0, in_h1 = 0;
        const auto flush = [&] {
            if (current.empty()) return;
            std::string p = text::collapse_space(current);
            const double ld = current_chars > 0 ? double(current_link_chars) / double(current_chars) : 0.0;
            current.clear();
            current_chars = current_link_chars = 0;
            if (!p.empty()) blocks.push_back({std::move(p), ld, in_h1 > 0});
        };
        const bool have_drop = !drop_.empty();
        for (std::int32_t part : parts_) {
            dom_.walk(
                part,
                [&](std::int32_t i) {
                    const DomNode& node = dom_.node(i);
                    if (node.kind == NodeKind::text) {
                        if (!dead_[u(i)]) {
                            current.append(node.text);
                            current_chars += static_cast<std::size_t>(facts_.own[u(i)].chars);
                            if (in_link > 0) current_link_chars += static_cast<std::size_t>(facts_.own[u(i)].chars);
                        }
                        return false;
                    }
                    if (node.kind != NodeKind::element) return true;
                    if (caption_[u(i)] && !(node.parent >= 0 && dead_[u(node.parent)])) {
                        std::string c = dom_.text(i);
                        if (!c.empty()) out.captions.push_back(std::move(c));
                        if (is_block(node.tag)) flush();
                        return false;
                    }
                    if (dead_[u(i)] || (have_drop && drop_[u(i)])) {
                        if (is_block(node.tag)) flush();
                        return false;
                    }
                    if (node.tag == Tag::br || node.tag == Tag::hr) {
                        flush();
                        return false;
                    }
                    if (node.tag == Tag::img) return false;
                    if (is_block(node.tag)) flush();
                    if (node.tag == Tag::td || node.tag == Tag::th) current.push_back(' ');
                    if (node.tag == Tag::a) ++in_link;
                    if (node.tag == Tag::h1) ++in_h1;
                    return true;
                },
                [&](std::int32_t i) {
                    const DomNode& node = dom_.node(i);
                    if (node.kind != NodeKind::element) return;
                    if (node.tag == Tag::a && in_link > 0 && !dead_[u(i)] && !(have_drop && drop_[u(i)])) --in_link;
                    if (is_block(node.tag)) flush();
                    else if (node.tag == Tag::td || node.tag == Tag::th) current.push_back(' ');
                    if (node.tag == Tag::h1 && in_h1 > 0 && !dead_[u(i)] && !(have_drop && drop_[u(i)])) --in_h1;
                });
            flush();
            in_link = 0;
            in_h1 = 0;
        }
        tidy(blocks, out);
        for (const auto& p : out.paragraphs) out.length += text::visible_length(p);
        return out;
    }

    static std::string fold(std::string_view s) {
        std::string out;
        std::size_t pos = 0;
        while (pos < s.size()) {
            const char32_t cp = text::next_code_point(s, pos);
            if (cp < 0x80) {
                const char c = static_cast<char>(cp);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
                else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
            } else if (!text::is_space(cp) && !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F) &&
                       !(cp >= 0xFF00 && cp <= 0xFF0F)) {
                text::append_utf8(out, cp);
            }
        }
        return out;
    }

    static bool looks_like_byline(std::string_view p) {
        const std::size_t length = text::code_points(p);
        if (length > kMaxBylineParagraph) return false;
        for (std::string_view w : {"by ", "written by ", "words by ", "posted by ", "reporting by ", "von ",
                                   "par ", "por ", "published ", "updated ", "posted ", "published:", "updated:",
                                   "posted:", "last updated"})
            if (text::istarts_with(p, w)) return true;
        // CJK sentences also start with 记者 ("记者从…获悉"): only short lines are bylines.
        if (length <= kMaxCjkBylineParagraph)
            for (std::string_view w : {"记者", "文/", "文｜", "作者", "撰文", "来源：", "来源:", "发布时间", "编辑："})
                if (text::istarts_with(p, w)) return true;
        return false;
    }

    /// A short line that is a date and little else: "February 13, 2025 4:10 PM ET".
    static bool looks_like_dateline(std::string_view p) {
        if (text::code_points(p) > kMaxDatelineChars) return false;
        int words = 1;
        for (char c : p) words += c == ' ';
        if (words > kMaxDatelineWords) return false;
        return find_date_in_text(p, DateContext{}).has_value();
    }

    /// Paragraph-level cleaning: furniture lines, bare links, the repeated headline, and
    /// bylines at the top (kept apart: dates and authors are read from them).
    void tidy(std::vector<Block>& blocks, MainText& out) const {
        const std::string title = fold(title_);
        out.paragraphs.reserve(blocks.size());
        for (auto& b : blocks) {
            std::string& p = b.text;
            if (is_boilerplate_paragraph(p)) continue;
            if (b.link_density > kMaxLinkParagraphDensity && text::code_points(p) < kMaxLinkParagraphChars) continue;
            if (out.paragraphs.size() < 3) {
                // The headline, even when it differs from the chosen title by a word or two.
                if (b.headline || (!title.empty() && fold(p) == title)) continue;
                if (looks_like_byline(p) || looks_like_dateline(p)) {
                    out.byline_lines.push_back(std::move(p));
                    continue;
                }
            }
            if (!out.paragraphs.empty() && out.paragraphs.back() == p) continue;
            out.paragraphs.push_back(std::move(p));
        }
    }

    const Dom& dom_;
    const PageFacts& facts_;
    unsigned flags_;
    std::string_view title_;
    std::vector<std::uint8_t> dead_, caption_, scored_, drop_, other_article_;
    std::vector<std::int32_t> chars_, cjk_, links_, commas_, paragraphs_, lists_, images_, linked_headings_, headings_, story_links_;
    std::vector<double> score_, final_;
    std::int32_t root_ = -1;
    std::vector<std::int32_t> parts_;
};

} // namespace

MainText extract_main_text(const Dom& dom, const std::vector<ClassHint>& hints, std::string_view title) {
    if (dom.size() == 0 || hints.size() != static_cast<std::size_t>(dom.size())) return {};
    const PageFacts facts = measure_page(dom, hints);
    static constexpr std::array<unsigned, 4> kAttempts = {
        kStripUnlikely | kWeightClasses | kCleanConditionally,
        kWeightClasses | kCleanConditionally,
        kCleanConditionally,
        0u,
    };
    // Fewer filters find more text, but also more furniture: a later attempt is taken only
    // when the earlier ones fall well short of it.
    std::vector<std::pair<MainText, double>> results;
    for (unsigned flags : kAttempts) {
        MainText result = Attempt(dom, facts, flags, title).run();
        double length = 0; // Latin-equivalent, so CJK pages reach the bar with fewer characters
        for (const auto& p : result.paragraphs) {
            const TextMeasure m = measure(p);
            length += effective_length(m.chars, m.cjk);
        }
        if (length >= kMinArticleLength && results.empty()) return result;
        results.emplace_back(std::move(result), length);
        if (length >= kMinArticleLength) break;
    }
    double longest = 0;
    for (const auto& r : results) longest = std::max(longest, r.second);
    for (auto& r : results)
        if (r.second >= kRetryKeepRatio * longest) return std::move(r.first);
    return std::move(results.front().first);
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

} // namespace rumorwatch
