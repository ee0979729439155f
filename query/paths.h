/// \file
/// Where things live when the user does not say: XDG data and config folders.
#pragma once

#include <string>

namespace rumorwatch {

/// $XDG_DATA_HOME/rumorwatch/db, else ~/.local/share/rumorwatch/db.
std::string default_db_path();
/// $XDG_CONFIG_HOME/rumorwatch/outlets.json, else ~/.config/rumorwatch/outlets.json.
std::string default_config_path();
/// The shipped topic: $XDG_CONFIG_HOME/rumorwatch/topics/apple-alibaba.json when present,
/// else seeds/topics/apple-alibaba.json of the install or source tree.
std::string default_topic_path();

} // namespace rumorwatch
