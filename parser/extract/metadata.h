/// \file
/// Page-level metadata read from the Dom: <meta> name/property/itemprop/http-equiv values,
/// microdata values on other elements, rel=canonical, <html lang>, <title>, <base href>.
/// Private to parser/extract.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parser/extract/html_tree.h"

namespace rumorwatch {

/// Every keyed value of the page, in document order.
struct PageMeta {
    /// (key lower case, value) for <meta name|property|itemprop|http-equiv content> and for
    /// itemprop elements with a content/datetime attribute.
    std::vector<std::pair<std::string, std::string>> values;
    std::string canonical;  ///< <link rel=canonical href>, raw
    std::string base_href;  ///< <base href>, raw
    std::string html_lang;  ///< <html lang> or xml:lang
    std::string title_tag;  ///< first <title>, white space collapsed

    /// First non-empty value among `keys`, trying the keys in the given order.
    std::string get(std::initializer_list<std::string_view> keys) const;
    /// Every value of one key, in document order.
    std::vector<std::string> all(std::string_view key) const;
};

/// Reads the metadata of the whole document (head and body). Never throws.
PageMeta read_page_meta(const Dom& dom);

} // namespace rumorwatch
