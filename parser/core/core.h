/// \file
/// The public face of parser/core: the model types (Article, Mention, Outlet, ...), the
/// error types, time, URLs, text helpers and the escaping of text for every output.
/// Other folders include this header, never the files it lists.
#pragma once

#include "parser/core/errors.h"
#include "parser/core/escape.h"
#include "parser/core/model.h"
#include "parser/core/strict_json.h"
#include "parser/core/text_layout.h"
#include "parser/core/text_util.h"
#include "parser/core/time.h"
#include "parser/core/url.h"
