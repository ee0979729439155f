#include "parser/extract/guarded_parse.h"

namespace rumorwatch {

GuardedParse parse_guarded(std::string_view html_utf8) {
    GuardedParse parsed;
    parsed.pre = prescan_html(html_utf8);
    parsed.dom = Dom::parse(parsed.pre.html);
    return parsed;
}

} // namespace rumorwatch
