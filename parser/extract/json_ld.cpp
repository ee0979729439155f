/// \file
/// JSON-LD interpretation: collect objects, pick the article, read its fields.
#include "parser/extract/json_ld.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "parser/extract/lenient_json.h"
#include "parser/core/core.h"

namespace rumorwatch {
namespace {

using nlohmann::json;

bool type_matches(const json& obj, bool (*pred)(std::string_view)) {
    const auto it = obj.find("@type");
    if (it == obj.end()) return false;
    if (it->is_string()) return pred(it->get_ref<const std::string&>());
    if (it->is_array())
        for (const auto& t : *it)
            if (t.is_string() && pred(t.get_ref<const std::string&>())) return true;
    return false;
}

std::string_view strip_schema_prefix(std::string_view t) {
    for (std::string_view p : {"http://schema.org/", "https://schema.org/", "schema:"})
        if (t.substr(0, p.size()) == p) return t.substr(p.size());
    return t;
}

bool is_article_type(std::string_view t) {
    t = strip_schema_prefix(t);
    auto ends = [&](std::string_view s) { return t.size() >= s.size() && t.substr(t.size() - s.size()) == s; };
    return ends("Article") || ends("BlogPosting") || ends("Posting") || t == "Report" || t == "Review" ||
           t == "Blog" || t == "LiveBlogPosting" || t == "NewsStory";
}
bool is_page_type(std::string_view t) {
    t = strip_schema_prefix(t);
    return t == "WebPage" || t == "ItemPage" || t == "CollectionPage" || t == "AboutPage" || t == "ProfilePage";
}
bool is_site_type(std::string_view t) { return strip_schema_prefix(t) == "WebSite"; }
bool is_org_type(std::string_view t) {
    t = strip_schema_prefix(t);
    return t == "Organization" || t == "NewsMediaOrganization" || t == "Corporation" ||
           t == "NGO" || t == "GovernmentOrganization" || t == "EducationalOrganization" || t == "Brand";
}

std::string clean(std::string_view s) { return text::collapse_space(text::decode_entities(s)); }

/// First string found in a value that may be a string, a list, or an object with one of `keys`.
std::string first_string(const json& v, std::initializer_list<const char*> keys = {"name", "url", "@id"}) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return v.dump();
    if (v.is_array()) {
        for (const auto& e : v) {
            std::string s = first_string(e, keys);
            if (!s.empty()) return s;
        }
        return {};
    }
    if (v.is_object())
        for (const char* k : keys)
            if (const auto it = v.find(k); it != v.end() && it->is_string()) return it->get<std::string>();
    return {};
}

std::string get_string(const json& obj, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (const auto it = obj.find(n); it != obj.end()) {
            std::string s = first_string(*it);
            if (!s.empty()) return s;
        }
    return {};
}

class Collector {
public:
    void add_root(const json& v) { visit(v, true); }

    const std::vector<const json*>& candidates() const { return candidates_; }
    const std::vector<const json*>& all() const { return all_; }
    const json* by_id(const std::string& id) const {
        const auto it = ids_.find(id);
        return it == ids_.end() ? nullptr : it->second;
    }

private:
    /// Walks iteratively. Objects reached only through "top-level" paths (arrays, @graph,
    /// mainEntity) are candidates for the page's article; everything is indexed by @id.
    void visit(const json& root, bool top) {
        std::vector<std::pair<const json*, bool>> stack{{&root, top}};
        while (!stack.empty()) {
            const auto [v, is_top] = stack.back();
            stack.pop_back();
            if (v->is_array()) {
                for (auto it = v->rbegin(); it != v->rend(); ++it) stack.emplace_back(&*it, is_top);
                continue;
            }
            if (!v->is_object()) continue;
            all_.push_back(v);
            if (is_top) candidates_.push_back(v);
            if (const auto id = v->find("@id"); id != v->end() && id->is_string() && v->size() > 1)
                ids_.emplace(id->get<std::string>(), v);
            for (auto it = v->begin(); it != v->end(); ++it) {
                if (!it->is_structured()) continue;
                const std::string& key = it.key();
                const bool child_top = is_top && (key == "@graph" || key == "mainEntity");
                stack.emplace_back(&it.value(), child_top);
            }
        }
    }

    std::vector<const json*> candidates_;
    std::vector<const json*> all_;
    std::unordered_map<std::string, const json*> ids_;
};

void read_authors(const json& v, const Collector& c, std::vector<PersonName>& out, int depth = 0) {
    if (depth > 3) return;
    if (v.is_string()) {
        std::string s = clean(v.get<std::string>());
        if (!s.empty()) out.push_back({std::move(s), false});
        return;
    }
    if (v.is_array()) {
        for (const auto& e : v) read_authors(e, c, out, depth + 1);
        return;
    }
    if (!v.is_object()) return;
    const json* obj = &v;
    if (obj->size() == 1 && obj->contains("@id")) {
        const auto& id = (*obj)["@id"];
        if (id.is_string()) {
            if (const json* target = c.by_id(id.get<std::string>())) obj = target;
            else return;
        }
    }
    std::string name = get_string(*obj, {"name"});
    if (name.empty()) {
        const std::string given = get_string(*obj, {"givenName"});
        const std::string family = get_string(*obj, {"familyName"});
        name = given.empty() ? family : family.empty() ? given : given + " " + family;
    }
    name = clean(name);
    if (!name.empty()) out.push_back({std::move(name), type_matches(*obj, is_org_type)});
}

std::vector<std::string> read_keywords(const json& v) {
    std::vector<std::string> out;
    const auto add_split = [&](const std::string& s) {
        std::size_t pos = 0;
        while (pos <= s.size()) {
            std::size_t comma = s.find(',', pos);
            if (comma == std::string::npos) comma = s.size();
            std::string k = clean(std::string_view(s).substr(pos, comma - pos));
            if (!k.empty()) out.push_back(std::move(k));
            pos = comma + 1;
        }
    };
    if (v.is_string()) add_split(v.get<std::string>());
    else if (v.is_array())
        for (const auto& e : v)
            if (e.is_string()) add_split(e.get<std::string>());
    return out;
}

std::string article_body_text(const json& v) {
    std::string s;
    if (v.is_string()) s = v.get<std::string>();
    else if (v.is_array())
        for (const auto& e : v)
            if (e.is_string()) s += (s.empty() ? "" : "\n\n") + e.get<std::string>();
    return s;
}

} // namespace

JsonLdArticle read_json_ld(const std::vector<std::string>& blocks) {
    JsonLdArticle out;
    std::vector<json> roots;
    for (const auto& b : blocks) {
        ++out.blocks;
        auto values = parse_lenient_json(b);
        if (values.empty()) ++out.unreadable_blocks;
        for (auto& v : values) roots.push_back(std::move(v));
    }
    if (roots.empty()) return out;
    Collector c;
    for (const auto& r : roots) c.add_root(r);

    const json* article = nullptr;
    int best_rank = -1;
    for (const json* obj : c.candidates()) {
        if (!type_matches(*obj, is_article_type)) continue;
        int rank = 0;
        if (obj->contains("headline")) rank += 2;
        if (obj->contains("datePublished")) rank += 2;
        if (obj->contains("articleBody")) rank += 1;
        if (obj->contains("author")) rank += 1;
        if (rank > best_rank) {
            best_rank = rank;
            article = obj;
        }
    }
    const json* page = nullptr;
    const json* site = nullptr;
    for (const json* obj : c.all()) {
        if (!page && type_matches(*obj, is_page_type)) page = obj;
        if (!site && type_matches(*obj, is_site_type)) site = obj;
    }
    if (!article && !page && !site) return out;

    const auto from = [&](std::initializer_list<const char*> names) {
        std::string s = article ? get_string(*article, names) : std::string();
        if (s.empty() && page) s = get_string(*page, names);
        return clean(s);
    };
    out.found = article != nullptr;
    if (article) {
        const auto t = article->find("@type");
        out.type = first_string(*t);
    }
    out.headline = from({"headline", "name", "alternativeHeadline"});
    if (!article && page) out.headline.clear(); // a WebPage name is usually the <title>
    out.description = from({"description"});
    out.date_published = from({"datePublished", "dateCreated", "uploadDate"});
    out.date_modified = from({"dateModified"});
    out.section = from({"articleSection"});
    out.image = from({"image", "thumbnailUrl"});
    out.url = from({"url", "mainEntityOfPage"});
    out.language = from({"inLanguage", "language"});
    if (article) {
        if (const auto it = article->find("articleBody"); it != article->end()) out.article_body = article_body_text(*it);
        for (const char* key : {"author", "creator"}) {
            if (const auto it = article->find(key); it != article->end()) {
                read_authors(*it, c, out.authors);
                if (!out.authors.empty()) break;
            }
        }
        if (const auto it = article->find("keywords"); it != article->end()) out.keywords = read_keywords(*it);
        if (const auto it = article->find("publisher"); it != article->end()) {
            std::vector<PersonName> pub;
            read_authors(*it, c, pub);
            if (!pub.empty()) out.publisher = pub.front().name;
        }
    }
    if (site) out.site_name = clean(get_string(*site, {"name"}));
    return out;
}

} // namespace rumorwatch
