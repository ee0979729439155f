/// \file
/// Drops the bodies of <script> and <style> elements (JSON-LD kept), to measure how fast
/// Gumbo parses a page when it is fed only what an extractor needs.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch::bench {

/// `html` without the contents of <script> (except type="application/ld+json") and
/// <style> elements; the start and end tags stay, so the tree keeps its shape.
std::string strip_script_bodies(std::string_view html);

} // namespace rumorwatch::bench
