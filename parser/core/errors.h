/// \file
/// The error hierarchy shared by every layer: exceptions for errors the caller cannot fix.
#pragma once

#include <stdexcept>
#include <string>

namespace rumorwatch {

/// Base of every error rumorwatch throws on purpose. `what()` is a complete sentence
/// fragment suitable after "rumorwatch: error: ".
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad input from the user: a config or topic file, a date, a query, an argument.
/// The CLI maps it to exit code 2. The message names the file, line or field.
class InputError : public Error {
public:
    using Error::Error;
};

/// A configuration or topic file that does not load: "FILE:LINE: what is wrong" or
/// "FILE: outlet \"x\": field \"y\": what is wrong".
class ConfigError : public InputError {
public:
    using InputError::InputError;
};

/// The index cannot be opened, is locked by another writer, or is of another schema.
class IndexError : public Error {
public:
    using Error::Error;
};

} // namespace rumorwatch
