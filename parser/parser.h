/// \file
/// The parser library's one public header: everything other folders may use.
#pragma once

#include "parser/analyze.h"
#include "parser/charset.h"
#include "parser/config.h"
#include "parser/errors.h"
#include "parser/extract.h"
#include "parser/model.h"
#include "parser/robots.h"
#include "parser/time.h"
#include "parser/topic.h"
#include "parser/url.h"
