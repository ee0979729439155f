/// \file
/// The term generator and query parser, configured from the schema in one place.
#include "index/text_analysis.h"

#include <memory>
#include <string>

#include "index/index.h"
#include "index/query_text.h"
#include "index/schema.h"
#include "parser/core/core.h"

namespace rumorwatch::index_detail {
namespace {

/// `outlet:Pacific-Wire` → the lower-cased boolean term, so filters ignore case.
class LowercaseFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit LowercaseFieldProcessor(std::string_view prefix) : prefix_(prefix) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::boolean_term(prefix_, value));
    }

private:
    std::string prefix_;
};

/// `site:www.dfshuma.example` → the host term without "www.", as schema::site_of writes it.
class SiteFieldProcessor : public Xapian::FieldProcessor {
public:
    Xapian::Query operator()(const std::string& value) override {
        std::string host = text::to_lower_ascii(value);
        if (host.rfind("www.", 0) == 0) host.erase(0, 4);
        return Xapian::Query(schema::boolean_term(schema::kHost, host));
    }
};

/// Records the first bad field value and matches nothing. Field processors must not throw:
/// Xapian 1.4's parser leaks its partial parse when an exception passes through it (found
/// by LeakSanitizer), so the caller checks the slot after parse_query() instead.
Xapian::Query field_error(std::string& slot, std::string message) {
    if (slot.empty()) slot = std::move(message);
    return Xapian::Query::MatchNothing;
}

/// `status:denied`; an unknown status is a query error that lists the vocabulary.
class StatusFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit StatusFieldProcessor(std::shared_ptr<std::string> error) : error_(std::move(error)) {}
    Xapian::Query operator()(const std::string& value) override {
        const std::string name = text::to_lower_ascii(value);
        if (!status_from_string(name)) {
            std::string known;
            for (RumorStatus s : kAllStatuses) known += (known.empty() ? "" : ", ") + std::string(to_string(s));
            return field_error(*error_, "unknown status \"" + value + "\" in status: (known: " + known + ")");
        }
        return Xapian::Query(schema::boolean_term(schema::kStatus, name));
    }

private:
    std::shared_ptr<std::string> error_;
};

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

/// `date:2025`, `date:2025-02` or `date:2025-02-01` → the year, month or day term.
/// Ranges (`date:A..B`) are handled by the DateRangeProcessor before this is asked.
class DateFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit DateFieldProcessor(std::shared_ptr<std::string> error) : error_(std::move(error)) {}
    Xapian::Query operator()(const std::string& value) override {
        if (const std::string bad = date_value_error(value); !bad.empty())
            return field_error(*error_, "date: " + bad);
        if (value.size() == 4 && all_digits(value))
            return Xapian::Query(std::string(schema::kYear) + value);
        if (value.size() == 7 && value[4] == '-' && all_digits(value.substr(0, 4)) &&
            all_digits(value.substr(5)))
            return Xapian::Query(std::string(schema::kMonth) + value.substr(0, 4) + value.substr(5));
        if (value.size() == 10 && value[4] == '-' && value[7] == '-' && all_digits(value.substr(0, 4)) &&
            all_digits(value.substr(5, 2)) && all_digits(value.substr(8)))
            return Xapian::Query(std::string(schema::kDay) + value.substr(0, 4) + value.substr(5, 2) +
                                 value.substr(8));
        return field_error(*error_, "date: expects YYYY, YYYY-MM, YYYY-MM-DD or a range "
                                    "YYYY-MM-DD..YYYY-MM-DD, not \"" + value + "\"");
    }

private:
    std::shared_ptr<std::string> error_;
};

/// `date:A..B`: each end checked by the one date parser (an impossible day is an error, not
/// an empty result), then Xapian's DateRangeProcessor on the YYYYMMDD slot.
class CheckedDateRangeProcessor : public Xapian::DateRangeProcessor {
public:
    explicit CheckedDateRangeProcessor(std::shared_ptr<std::string> error)
        : Xapian::DateRangeProcessor(schema::kPublishedDaySlot, "date:"), error_(std::move(error)) {}
    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        for (const std::string* v : {&begin, &end}) {
            const std::string bare = v == &begin && begin.rfind("date:", 0) == 0 ? begin.substr(5) : *v;
            if (bare.empty()) continue;
            if (const std::string bad = date_value_error(bare); !bad.empty())
                return field_error(*error_, "date: " + bad);
        }
        return Xapian::DateRangeProcessor::operator()(begin, end);
    }

private:
    std::shared_ptr<std::string> error_;
};

/// `rwalias:N`, written by expand_aliases(): the prepared query of alias group N.
class AliasFieldProcessor : public Xapian::FieldProcessor {
public:
    AliasFieldProcessor(std::vector<Xapian::Query> groups, std::shared_ptr<std::string> error)
        : groups_(std::move(groups)), error_(std::move(error)) {}
    Xapian::Query operator()(const std::string& value) override {
        if (all_digits(value) && value.size() < 6 && std::stoul(value) < groups_.size()) return groups_[std::stoul(value)];
        return field_error(*error_, "no alias group \"" + value + "\" (" + std::string(kAliasField) +
                                        ": is written by --expand)");
    }

private:
    std::vector<Xapian::Query> groups_;
    std::shared_ptr<std::string> error_;
};

/// The characters of `text` when every one is CJK (where Xapian's n-grams start), else
/// nothing.
std::vector<std::string> cjk_characters(const std::string& text) {
    std::vector<std::string> out;
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        if (*it < 0x2E80) return {};
        std::string ch;
        Xapian::Unicode::append_utf8(ch, *it);
        out.push_back(std::move(ch));
    }
    return out;
}

/// A CJK alias as its first bigram term, weighed, filtered by its other bigrams. An AND of
/// the n-grams (what the parser makes of unquoted CJK) would weigh every character and
/// bigram and rank Chinese articles above all others inside a synonym group. The single
/// characters ride along at weight 0, which Xapian never evaluates, because MSet::snippet
/// highlights CJK by them.
Xapian::Query cjk_alias_query(const std::vector<std::string>& chars) {
    if (chars.size() == 1) return Xapian::Query(chars[0]);
    std::vector<Xapian::Query> bigrams, unigrams;
    for (std::size_t i = 2; i < chars.size(); ++i) bigrams.emplace_back(chars[i - 1] + chars[i]);
    for (const auto& ch : chars) unigrams.emplace_back(ch);
    Xapian::Query weighed(chars[0] + chars[1]);
    if (!bigrams.empty())
        weighed = Xapian::Query(Xapian::Query::OP_FILTER, weighed,
                                Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end()));
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, weighed,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(Xapian::Query::OP_AND, unigrams.begin(), unigrams.end()), 0.0));
}

} // namespace

Xapian::Query alias_group_query(const Xapian::Database& db, const std::vector<std::string>& group) {
    std::vector<Xapian::Query> parts;
    for (const std::string& alias : essential_aliases(group)) {
        if (const auto chars = cjk_characters(alias); !chars.empty()) {
            parts.push_back(cjk_alias_query(chars));
            continue;
        }
        auto unused = std::make_shared<std::string>();
        Xapian::QueryParser qp = make_query_parser(db, unused);
        // Latin words in a row are a phrase ("the iphone maker"); text mixing scripts is
        // read as the parser reads it unquoted.
        bool latin_words = false;
        for (unsigned char c : alias) latin_words |= c == ' ' || c == '-' || c == '.';
        const std::string text = latin_words ? "\"" + alias + "\"" : alias;
        try {
            const Xapian::Query q = qp.parse_query(
                text, Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_CJK_NGRAM);
            if (!q.empty()) parts.push_back(q);
        } catch (const Xapian::QueryParserError&) {
            // An alias the parser cannot read ("\"" alone) matches nothing rather than
            // failing every expanded search.
        }
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
}

void add_alias_groups(Xapian::QueryParser& qp, const Xapian::Database& db,
                      const std::vector<std::vector<std::string>>& groups, std::shared_ptr<std::string> field_error) {
    std::vector<Xapian::Query> queries;
    for (const auto& group : groups) queries.push_back(alias_group_query(db, group));
    qp.add_prefix(std::string(kAliasField), (new AliasFieldProcessor(std::move(queries), std::move(field_error)))->release());
}

Xapian::Stem make_stemmer() { return Xapian::Stem(std::string(schema::kStemmer)); }

Xapian::TermGenerator make_term_generator() {
    Xapian::TermGenerator tg;
    tg.set_stemmer(make_stemmer());
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.set_max_word_length(kMaxWordLength);
    return tg;
}

unsigned query_parser_flags() {
    return Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
           Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_SYNONYM |
           Xapian::QueryParser::FLAG_CJK_NGRAM;
}

Xapian::QueryParser make_query_parser(const Xapian::Database& db, std::shared_ptr<std::string> field_error) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(make_stemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                         Xapian::QueryParser::FLAG_WILDCARD);
    // The free-text fields; query_text.h lists them as kTextFields.
    qp.add_prefix("title", std::string(schema::kTitle));
    qp.add_prefix("author", std::string(schema::kAuthor));
    const std::pair<const char*, std::string_view> booleans[] = {
        {"outlet", schema::kOutlet}, {"lang", schema::kLanguage},  {"entity", schema::kEntity},
        {"source", schema::kSource}, {"topic", schema::kTopic},    {"host", schema::kHost},
        {"keyword", schema::kKeyword}, {"tier", schema::kTier},
        {"dup", schema::kDupGroup},  {"says", schema::kMentionStatus}};
    for (const auto& [field, prefix] : booleans)
        qp.add_boolean_prefix(field, (new LowercaseFieldProcessor(prefix))->release());
    qp.add_boolean_prefix("site", (new SiteFieldProcessor())->release());
    qp.add_boolean_prefix("status", (new StatusFieldProcessor(field_error))->release());
    qp.add_boolean_prefix("date", (new DateFieldProcessor(field_error))->release());
    // date:2025-02-01..2025-03-01 (either end may be left open); the slot holds YYYYMMDD.
    qp.add_rangeprocessor((new CheckedDateRangeProcessor(field_error))->release());
    return qp;
}

unsigned snippet_flags() {
    // No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of every word of the text in
    // the database (thousands of B-tree reads per hit, 90% of a search's time on 10 KB
    // articles). Windows are chosen by the query's matches alone, which is what a reader
    // scanning results wants to see anyway.
    return Xapian::MSet::SNIPPET_CJK_NGRAM;
}

} // namespace rumorwatch::index_detail
