/// \file
/// Placeholder decoder (issue: crawler text handling).
#include "parser/charset.h"

namespace rumorwatch {

DecodedText decode_to_utf8(std::string_view bytes, std::string_view) {
    return DecodedText{std::string(bytes), "UTF-8", "default", false};
}

} // namespace rumorwatch
