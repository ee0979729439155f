/// \file
/// The public face of parser/analysis: topics, and the analysis of an article against one
/// (mentions, sentence and article status). Other folders include this header only.
#pragma once

#include "parser/analysis/analyze.h"
#include "parser/analysis/topic.h"
