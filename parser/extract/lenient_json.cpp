/// \file
/// Repair pass (comments, control characters, bad escapes, trailing commas) and the split
/// of a block into its top-level values.
#include "parser/extract/lenient_json.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// Removes comments and wrappers outside strings and repairs strings, in one pass.
std::string repair(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    bool in_string = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (in_string) {
            if (c == '\\') {
                if (i + 1 >= in.size()) break;
                const char e = in[i + 1];
                if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    out.push_back('\\');
                    out.push_back(e);
                } else if (e == 'u') {
                    bool hex = true;
                    for (std::size_t k = 2; hex && k < 6; ++k) {
                        if (i + k >= in.size()) {
                            hex = false;
                            break;
                        }
                        const char h = in[i + k];
                        hex = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
                    }
                    if (hex) out.append("\\u");
                    else out.push_back('u');
                } else if (e == '\n' || e == '\r') {
                    // a JavaScript line continuation
                } else {
                    out.push_back(e); // \' \x \$: keep the character, drop the backslash
                }
                ++i;
            } else if (c == '"') {
                in_string = false;
                out.push_back(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                // dropped
            } else if (c == '\t') {
                out.append("\\t");
            } else if (static_cast<unsigned char>(c) < 0x20) {
                out.push_back(' ');
            } else {
                out.push_back(c);
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
            out.push_back(c);
        } else if (c == '/' && i + 1 < in.size() && in[i + 1] == '/') {
            while (i < in.size() && in[i] != '\n') ++i;
            out.push_back('\n');
        } else if (c == '/' && i + 1 < in.size() && in[i + 1] == '*') {
            const std::size_t close = in.find("*/", i + 2);
            i = close == std::string_view::npos ? in.size() : close + 1;
            out.push_back(' ');
        } else if (in.compare(i, 4, "<!--") == 0) {
            i += 3;
        } else if (in.compare(i, 3, "-->") == 0) {
            i += 2;
        } else if (in.compare(i, 9, "<![CDATA[") == 0) {
            i += 8;
        } else if (in.compare(i, 3, "]]>") == 0) {
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

/// Drops commas that are followed (after white space) by '}' or ']', outside strings.
std::string drop_trailing_commas(const std::string& in) {
    std::string out;
    out.reserve(in.size());
    bool in_string = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (in_string) {
            out.push_back(c);
            if (c == '\\' && i + 1 < in.size()) out.push_back(in[++i]);
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        if (c == ',') {
            std::size_t j = i + 1;
            while (j < in.size() && is_ws(in[j])) ++j;
            if (j < in.size() && (in[j] == '}' || in[j] == ']')) continue;
            // ",," in an array: keep one
            if (j < in.size() && in[j] == ',') continue;
        }
        out.push_back(c);
    }
    return out;
}

} // namespace

std::vector<nlohmann::json> parse_lenient_json(std::string_view raw) {
    std::vector<nlohmann::json> values;
    if (raw.size() > kMaxJsonBytes) return values;
    std::string text;
    if (raw.find('"') == std::string_view::npos && raw.find("&quot;") != std::string_view::npos) {
        text = text::replace_all(raw, "&quot;", "\"");
        text = text::replace_all(text, "&amp;", "&");
        text = drop_trailing_commas(repair(text));
    } else {
        text = drop_trailing_commas(repair(raw));
    }

    // Split into top-level values: {..}{..}, {..},{..}, [..] ...
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] != '{' && text[i] != '[') ++i;
        if (i >= text.size()) break;
        const std::size_t begin = i;
        int depth = 0;
        int max_depth = 0;
        bool in_string = false;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (in_string) {
                if (c == '\\') ++i;
                else if (c == '"') in_string = false;
                continue;
            }
            if (c == '"') in_string = true;
            else if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
            else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++i;
                    break;
                }
            }
        }
        if (depth != 0) {
            // Unbalanced: close what is open, a common truncation.
            std::string tail = text.substr(begin);
            if (in_string) tail.push_back('"');
            std::string closers;
            bool s = false;
            for (std::size_t k = 0; k < tail.size(); ++k) {
                const char c = tail[k];
                if (s) {
                    if (c == '\\') ++k;
                    else if (c == '"') s = false;
                    continue;
                }
                if (c == '"') s = true;
                else if (c == '{') closers.push_back('}');
                else if (c == '[') closers.push_back(']');
                else if ((c == '}' || c == ']') && !closers.empty()) closers.pop_back();
            }
            tail.append(closers.rbegin(), closers.rend());
            tail = drop_trailing_commas(tail);
            if (max_depth <= kMaxJsonDepth) {
                auto v = nlohmann::json::parse(tail, nullptr, false);
                if (!v.is_discarded()) values.push_back(std::move(v));
            }
            break;
        }
        if (max_depth > kMaxJsonDepth) continue;
        auto v = nlohmann::json::parse(std::string_view(text).substr(begin, i - begin), nullptr, false);
        if (!v.is_discarded()) values.push_back(std::move(v));
    }
    return values;
}

} // namespace rumorwatch
