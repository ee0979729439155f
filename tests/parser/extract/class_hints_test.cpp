#include <catch2/catch.hpp>

#include "parser/extract/class_hints.h"

using namespace rumorwatch;

TEST_CASE("class hints: what template class and id names say", "[parser]") {
    struct Row {
        const char* cls;
        const char* id;
        bool positive, strong, hard, soft, caption, comments, byline, always;
    };
    for (const Row& r : std::vector<Row>{
             {"article-body", "", true, true, false, false, false, false, false, false},
             {"articleBody", "", true, true, false, false, false, false, false, false},
             {"story_body__inner", "", true, true, false, false, false, false, false, false},
             {"entry-content clearfix", "", true, true, false, false, false, false, false, false},
             {"", "artibody", true, true, false, false, false, false, false, false},
             {"cb-comments", "", false, false, true, false, false, true, false, false},
             {"relatedArticles", "", true, false, true, false, false, false, false, false}, // hard wins in removal
             {"ad-slot ad-leaderboard", "", false, false, true, false, false, false, false, false},
             {"social-share", "", false, false, true, false, false, false, false, true},
             {"", "cookie-consent", false, false, true, false, false, false, false, true},
             {"newsletter-signup", "", false, false, true, false, false, false, false, true},
             {"story-header__byline", "", true, false, true, false, false, false, true, false},
             {"post-meta", "", true, false, true, false, false, false, true, false},
             {"wp-caption-text", "", true, false, false, false, true, false, false, false},
             {"sidebar widget", "", false, false, false, true, false, false, false, false},
             // BEM: the element part decides the role ("share" bar of the article body).
             {"article-body__share", "", true, true, true, false, false, false, false, true},
             // WordPress taxonomy and state classes say nothing about the element.
             {"post type-post tag-apple category-news has-sidebar", "", true, false, false, false, false, false, false, false},
             // "head" alone is a heading wrapper; "header" a layout part; neither is "headline".
             {"headline", "", false, false, false, false, false, false, false, false},
             {"adventure", "", false, false, false, false, false, false, false, false},
             {"", "", false, false, false, false, false, false, false, false},
         }) {
        INFO("class=\"" << r.cls << "\" id=\"" << r.id << "\"");
        const ClassHint h = classify_class_id(r.cls, r.id);
        CHECK(h.positive == r.positive);
        CHECK(h.strong_positive == r.strong);
        CHECK(h.hard_negative == r.hard);
        CHECK(h.soft_negative == r.soft);
        CHECK(h.caption == r.caption);
        CHECK(h.comments == r.comments);
        CHECK(h.byline == r.byline);
        CHECK(h.always_remove == r.always);
    }
    // A slug-like id (a heading anchor) is not a role.
    CHECK_FALSE(classify_class_id("", "apple-intelligence-china-release-date-is-there-an-official-date").byline);
}
