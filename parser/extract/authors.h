/// \file
/// Bylines into names: "By A and B", "By A, B and C", "记者 张三 李四", "A | Reuters",
/// with organisations ("Reuters", "Pacific Wire Staff", "新华社") kept apart from people.
/// Private to parser/extract.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch {

/// The names in one byline, split into people and organisations, in order, deduplicated.
struct Byline {
    std::vector<std::string> people;
    std::vector<std::string> organisations;
    bool empty() const { return people.empty() && organisations.empty(); }
};

/// Splits a byline's text. Dates, job titles ("Senior Editor"), places ("in Beijing") and
/// prefixes ("By", "Written by", "记者", "文/") are dropped. `language` (the page's, may be
/// empty) decides whether a space separates two names or the two parts of one: Chinese
/// "记者 王海 李明" is two people, Japanese "佐藤 健一" is one. Never throws.
Byline split_byline(std::string_view text, std::string_view language = {});

/// True for names of news organisations and desks rather than people: wires, "… Staff",
/// "… Desk", "Editorial Board", Chinese names ending in 社/网/报/台, and the like.
bool is_organisation_name(std::string_view name);

/// Adds `name` to `out` unless it is already there (case-insensitive).
void add_unique(std::vector<std::string>& out, std::string name);

} // namespace rumorwatch
