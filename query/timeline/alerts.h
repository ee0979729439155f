/// \file
/// `crawl --on-change CMD`: tell the user's command when a crawl moves a rumor's state.
#pragma once

#include <string>
#include <vector>

#include "query/timeline/story.h"

namespace rumorwatch {

/// Transitions of `after` that `before` did not have (matched by date, from and to), in order.
std::vector<Transition> new_transitions(const Timeline& before, const Timeline& after);

/// Runs `command` with /bin/sh, `input` on its standard input; returns its exit status
/// (or -1 when it could not be started or was killed). Waits for it to finish.
int run_with_input(const std::string& command, const std::string& input);

} // namespace rumorwatch
