/// \file
/// Where things live when the user does not say: XDG folders and the shipped data.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch {

/// $XDG_DATA_HOME/rumorwatch/db, else ~/.local/share/rumorwatch/db.
std::string default_db_path();
/// The user's config folder: $XDG_CONFIG_HOME/rumorwatch, else ~/.config/rumorwatch.
std::string user_config_dir();
/// The shipped data (outlets.json, topics/, demo/): $RUMORWATCH_DATADIR, else
/// <binary>/../share/rumorwatch of an installed binary, else the source tree's seeds/.
std::string shipped_data_dir();
/// user_config_dir()/outlets.json when it exists, else the shipped outlets.json.
std::string default_config_path();
/// user_config_dir()/topics/apple-alibaba.json when it exists, else the shipped topic.
std::string default_topic_path();

} // namespace rumorwatch
