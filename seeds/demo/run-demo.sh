#!/usr/bin/env bash
# Placeholder until the test server and crawler land.
echo "demo: not built yet" >&2
exit 1
