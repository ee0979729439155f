/// \file
/// SIGINT/SIGTERM -> a stop flag the crawl loop polls.
#include <atomic>
#include <csignal>

#include "crawler/crawler.h"

namespace rumorwatch {
namespace {

volatile std::sig_atomic_t g_signals = 0;
std::atomic<bool> g_stop{false};

extern "C" void on_stop_signal(int signal_number) {
    // The first signal asks politely; a second one means "now".
    const bool again = g_signals != 0;
    g_signals = 1;
    if (again) {
        std::signal(signal_number, SIG_DFL);
        std::raise(signal_number);
        return;
    }
    g_stop.store(true, std::memory_order_relaxed);
}

} // namespace

static_assert(std::atomic<bool>::is_always_lock_free, "the stop flag is set from a signal handler");

void request_crawl_stop() noexcept { g_stop.store(true, std::memory_order_relaxed); }
bool crawl_stop_requested() noexcept { return g_stop.load(std::memory_order_relaxed); }
void reset_crawl_stop() noexcept {
    g_stop.store(false, std::memory_order_relaxed);
    g_signals = 0;
}

void install_crawl_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a sleeping --every loop wakes up at once
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace rumorwatch
