#include <catch2/catch.hpp>

#include "parser/extract/boilerplate.h"

using namespace rumorwatch;

TEST_CASE("boilerplate: template lines inside bodies", "[parser]") {
    for (const char* p : {"Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Read more: Apple's China plans",
                          "👉 Also Read: Alibaba AI on iPhone", "Sign up for our newsletter", "© 2025 Example Times. All rights reserved.",
                          "This is the English edition of a Hualing Tech report. Republication without permission is prohibited.",
                          "（责任编辑：赵六）", "相关阅读", "ⓒ 한빛일보, 무단 전재 및 재배포 금지", "•", "— —",
                          "Already a subscriber? Log in"})
        CHECK(is_boilerplate_paragraph(p));
    for (const char* p : {"Apple has chosen Alibaba to power the AI features of iPhones sold in China.",
                          "Read more about the deal in the filing, which runs to 40 pages, the company said on Monday, "
                          "adding that regulators had asked for details of how user data would be stored and who could see it.",
                          "苹果公司已选择阿里巴巴为其在中国销售的iPhone提供人工智能功能。", "9:41 AM PT", "2025"})
        CHECK_FALSE(is_boilerplate_paragraph(p));
}

TEST_CASE("boilerplate: headings that open comment sections and paywalls", "[parser]") {
    for (const char* h : {"Comments", "24 Comments", "Comments (24)", "Join the conversation", "网友评论", "评论（3）", "댓글"})
        CHECK(is_comments_heading(h));
    for (const char* h : {"Commentary: what the deal means", "No comment from Apple"}) CHECK_FALSE(is_comments_heading(h));
    CHECK(is_paywall_heading("Subscribe to continue reading"));
    CHECK(is_paywall_heading("This article is for subscribers only"));
    CHECK_FALSE(is_paywall_heading("Apple shares continue to rise"));
    CHECK(is_noscript_notice("Please enable JavaScript in your browser."));
    CHECK_FALSE(is_noscript_notice("The full article text, as it would appear without scripts, runs on for several sentences."));
}
