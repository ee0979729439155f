/// \file
/// The strict reading of JSON configuration files (the outlets file, topic files), shared so
/// that both name file, line and column of a syntax error and file and field of a bad value
/// the same way, and both refuse a key given twice.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch {

/// Line and column (1-based) of a byte offset in `text`, for error messages.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

/// Parses the text of a configuration file: a syntax error is "FILE:LINE:COL: syntax error:
/// ...", a key given twice in one object is "FILE: field "KEY": appears twice in one object"
/// (nlohmann would keep the last silently), a top level that is not an object is an error.
/// @throws ConfigError
nlohmann::json parse_config_json(std::string_view text, const std::string& file);

/// Throws ConfigError "WHERE" + "field "FIELD": PROBLEM".
[[noreturn]] void fail_field(std::string_view where, std::string_view field, std::string_view problem);

/// Reads the fields of one object of a configuration file. Every error names the place:
/// `where` is the message's start ("FILE: " or "FILE: outlet "x": "), `path` the dotted path
/// of the object inside the file ("" at the top, "frame" below it).
class FieldReader {
public:
    FieldReader(const nlohmann::json& object, std::string where, std::string path = {});

    /// "a.b" for field "b" of the object at path "a".
    std::string path_of(std::string_view field) const;
    [[noreturn]] void fail(std::string_view field, std::string_view problem) const;
    /// Refuses a key that is not in `known` ("unknown field (a typo?)").
    void reject_unknown(std::initializer_list<std::string_view> known) const;
    /// The field's value; null when it is absent and not required.
    const nlohmann::json* get(std::string_view field, bool required) const;
    std::optional<std::string> string(std::string_view field, bool required) const;
    /// An array of strings; empty when absent.
    std::vector<std::string> strings(std::string_view field) const;
    /// A whole number in [min, max]; nullopt when absent.
    std::optional<int> integer(std::string_view field, int min, int max) const;

private:
    const nlohmann::json& object_;
    std::string where_;
    std::string path_;
};

} // namespace rumorwatch
