/// \file
/// The public face of query/timeline: the story's state machine (story.h), the alerts
/// computed from it (alerts.h) and reading its articles from the index (source.h).
#pragma once

#include "query/timeline/alerts.h"
#include "query/timeline/source.h"
#include "query/timeline/story.h"
