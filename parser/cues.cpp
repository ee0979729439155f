/// \file
/// The generic cue lexicons as data tables, and the Lexicon that compiles them with a topic.
/// Rows are grouped by kind; a phrase ending in '*' is a word prefix (see PhraseMatcher).
#include "parser/cues.h"

#include <algorithm>
#include <string>

namespace rumorwatch {
namespace {

using K = CueKind;

// English. Inflected forms are listed (or prefixed with '*') rather than stemmed: a stemmer
// would merge words whose cue value differs ("report" the noun, "reportedly").
constexpr LexiconEntry kEnglish[] = {
    // confirm
    {"confirm", K::confirm}, {"confirms", K::confirm}, {"confirmed", K::confirm},
    {"confirming", K::confirm}, {"confirmation", K::confirm}, {"acknowledg*", K::confirm},
    {"admitted", K::confirm}, {"admits", K::confirm}, {"verified", K::confirm},
    {"corroborated", K::confirm}, {"in a filing", K::confirm}, {"is true", K::confirm},
    // approve: regulators' word
    {"gave the green light", K::approve}, {"green-lit", K::approve}, {"greenlit", K::approve},
    {"approved", K::approve}, {"approves", K::approve}, {"approve", K::approve},
    {"received approval", K::approve}, {"won approval", K::approve},
    {"secured approval", K::approve}, {"gained approval", K::approve}, {"granted approval", K::approve},
    {"received regulatory approval", K::approve}, {"won regulatory approval", K::approve},
    {"cleared the", K::approve}, {"signed off on", K::approve},
    // announce: official acts
    {"announc*", K::announce}, {"unveil*", K::announce}, {"launched", K::announce},
    {"launches", K::announce}, {"launch", K::announce}, {"launching", K::announce},
    {"rolled out", K::announce}, {"rolls out", K::announce}, {"rolling out", K::announce},
    {"roll out", K::announce}, {"went live", K::announce}, {"goes live", K::announce},
    {"signed", K::announce}, {"inked", K::announce}, {"sealed", K::announce},
    {"finalized", K::announce}, {"finalised", K::announce}, {"struck a deal", K::announce},
    {"reached an agreement", K::announce}, {"reached a deal", K::announce},
    {"officially", K::announce}, {"formally", K::announce}, {"press release", K::announce},
    {"it's official", K::announce}, {"now official", K::announce}, {"made it official", K::announce},
    {"debuted", K::announce}, {"debuts", K::announce}, {"officially confirmed", K::announce},
    {"is now available", K::announce}, {"now available", K::announce}, {"can now use", K::announce},
    {"began rolling out", K::announce}, {"started rolling out", K::announce}, {"rollout began", K::announce},
    {"is rolling out", K::announce}, {"are rolling out", K::announce}, {"completed", K::announce},
    {"completes", K::announce}, {"agreed to", K::announce}, {"agree to", K::announce}, {"agrees to", K::announce}, {"are now available", K::announce},
    {"became available", K::announce}, {"now live", K::announce},
    // joint
    {"jointly", K::joint}, {"joint statement", K::joint}, {"joint announcement", K::joint},
    {"joint press release", K::joint}, {"together announced", K::joint},
    // deny
    {"deny", K::deny}, {"denies", K::deny}, {"denied", K::deny}, {"denying", K::deny},
    {"denial", K::deny}, {"denials", K::deny}, {"refut*", K::deny}, {"rebut*", K::deny},
    {"rejected", K::deny}, {"rejects", K::deny}, {"dismissed", K::deny}, {"dismisses", K::deny},
    {"dismissing", K::deny}, {"shot down", K::deny}, {"shoots down", K::deny},
    {"no plans", K::deny}, {"no plan to", K::deny}, {"not in talks", K::deny},
    {"no talks", K::deny}, {"not planning", K::deny}, {"fake news", K::deny}, {"hoax", K::deny},
    {"debunk*", K::deny}, {"pushed back on", K::deny}, {"ruled out", K::deny},
    {"rules out", K::deny}, {"rule out", K::deny}, {"no such", K::deny},
    {"not working with", K::deny}, {"no intention", K::deny}, {"no truth", K::deny},
    {"set the record straight", K::deny}, {"myth", K::deny}, {"not happening", K::deny},
    {"nothing to it", K::deny}, {"misreport*", K::deny}, {"satire", K::deny},
    {"satirical", K::deny}, {"fabricated", K::deny}, {"made up", K::deny},
    {"no evidence", K::deny}, {"not real", K::deny}, {"made it up", K::deny}, {"quash*", K::deny},
    {"dispel*", K::deny}, {"quell*", K::deny}, {"squash*", K::deny}, {"put to rest", K::deny},
    {"puts to rest", K::deny}, {"laughed off", K::deny}, {"brushed off", K::deny}, {"brushes off", K::deny},
    // deny_after: judgements of a claim stated before them
    {"false", K::deny_after}, {"untrue", K::deny_after}, {"not true", K::deny_after},
    {"inaccurate", K::deny_after}, {"not accurate", K::deny_after}, {"baseless", K::deny_after},
    {"groundless", K::deny_after}, {"without basis", K::deny_after}, {"nonsense", K::deny_after},
    {"fake", K::deny_after}, {"incorrect", K::deny_after}, {"wrong", K::deny_after},
    {"unfounded", K::deny_after}, {"bogus", K::deny_after}, {"not the case", K::deny_after},
    {"premature", K::deny_after}, {"overblown", K::deny_after}, {"exaggerated", K::deny_after},
    {"misleading", K::deny_after}, {"pure speculation", K::deny_after},
    // stall
    {"delay", K::stall}, {"delays", K::stall}, {"delayed", K::stall}, {"delaying", K::stall},
    {"postpone*", K::stall}, {"pushed back", K::stall}, {"push back", K::stall},
    {"on hold", K::stall}, {"paused", K::stall}, {"pauses", K::stall}, {"pausing", K::stall},
    {"stall*", K::stall}, {"blocked", K::stall}, {"blocks", K::stall}, {"blocking", K::stall},
    {"held up", K::stall}, {"holding up", K::stall}, {"hit a snag", K::stall}, {"snag*", K::stall},
    {"scrutiny", K::review}, {"under review", K::review}, {"regulatory review", K::review},
    {"awaiting approval", K::review}, {"awaiting regulatory", K::review}, {"awaits approval", K::review},
    {"pending approval", K::review}, {"pending regulatory", K::review}, {"yet to be approved", K::review},
    {"hurdle*", K::stall}, {"obstacle*", K::stall}, {"roadblock*", K::stall}, {"stuck", K::stall},
    {"bogged down", K::stall}, {"slowed", K::stall}, {"suspend*", K::stall}, {"frozen", K::stall},
    {"halted", K::stall}, {"halts", K::stall}, {"setback*", K::stall}, {"shelved", K::stall},
    {"shelves", K::stall}, {"put on ice", K::stall}, {"in limbo", K::stall}, {"impasse", K::stall},
    {"deadlock*", K::stall}, {"withheld approval", K::review}, {"not yet approved", K::review},
    {"hasn't been approved", K::review}, {"has not been approved", K::review},
    {"needs approval", K::review}, {"need approval", K::review}, {"requires approval", K::review},
    {"needs regulatory", K::review}, {"requires regulatory", K::review}, {"subject to approval", K::review},
    {"subject to regulatory", K::review},
    {"has to be approved", K::review}, {"have to be approved", K::review}, {"must be approved", K::review},
    {"needs to be approved", K::review}, {"need to be approved", K::review}, {"would need approval", K::review},
    {"must win approval", K::review}, {"needs the approval", K::review}, {"regulators have not", K::review},
    {"still waiting", K::stall}, {"still awaiting", K::stall}, {"still under review", K::stall},
    {"still pending", K::stall}, {"still waits", K::stall}, {"remains under review", K::stall},
    {"put the brakes", K::stall}, {"on the back burner", K::stall}, {"waiting on approval", K::review},
    {"waiting for approval", K::review}, {"waits for approval", K::review}, {"wait for approval", K::review},
    {"waiting for regulatory", K::review}, {"scrutinize*", K::review}, {"scrutinise*", K::review},
    {"probe", K::review}, {"probing", K::review}, {"investigat*", K::review},
    {"security review", K::review}, {"government review", K::review}, {"review by", K::review}, {"not signed off", K::review}, {"has not signed off", K::review},
    {"hasn't signed off", K::review}, {"no date has been set", K::review}, {"no launch date", K::review},
    // cancel
    {"cancel", K::cancel}, {"cancels", K::cancel}, {"cancelled", K::cancel},
    {"canceled", K::cancel}, {"cancelling", K::cancel}, {"canceling", K::cancel},
    {"cancellation", K::cancel}, {"scrap", K::cancel}, {"scraps", K::cancel},
    {"scrapped", K::cancel}, {"scrapping", K::cancel}, {"abandon*", K::cancel},
    {"called off", K::cancel}, {"call off", K::cancel}, {"calls off", K::cancel},
    {"calling off", K::cancel}, {"terminat*", K::cancel}, {"pulled out", K::cancel},
    {"pulls out", K::cancel}, {"pull out", K::cancel}, {"pulling out", K::cancel},
    {"walked away", K::cancel}, {"walks away", K::cancel}, {"walk away", K::cancel},
    {"ditch*", K::cancel}, {"dropped the", K::cancel}, {"dropped its", K::cancel},
    {"dropped plans", K::cancel}, {"dropped their", K::cancel}, {"been dropped", K::cancel},
    {"was dropped", K::cancel}, {"drops plan*", K::cancel}, {"drop plan*", K::cancel},
    {"drops its", K::cancel}, {"broke off", K::cancel}, {"breaks off", K::cancel},
    {"break off", K::cancel}, {"ended talks", K::cancel}, {"ends talks", K::cancel},
    {"end talks", K::cancel}, {"collapsed", K::cancel}, {"collapses", K::cancel},
    {"collapse", K::cancel}, {"ended", K::cancel}, {"have ended", K::cancel}, {"has ended", K::cancel},
    {"is off", K::cancel}, {"are off", K::cancel}, {"to drop", K::cancel}, {"drop it", K::cancel},
    {"replace it", K::cancel},
    {"fell apart", K::cancel}, {"fell through", K::cancel}, {"falls through", K::cancel},
    {"no longer", K::cancel}, {"axed", K::cancel}, {"axes", K::cancel}, {"nixed", K::cancel},
    {"nixes", K::cancel}, {"torpedoed", K::cancel}, {"is dead", K::cancel},
    {"off the table", K::cancel}, {"backed out", K::cancel}, {"backs out", K::cancel}, {"drops out", K::cancel},
    {"dropped out", K::cancel}, {"dropping out", K::cancel}, {"bows out", K::cancel}, {"bowed out", K::cancel},
    {"backs away", K::cancel}, {"backed away", K::cancel},
    {"killed the", K::cancel}, {"kills the", K::cancel}, {"quits", K::cancel},
    {"ended its", K::cancel}, {"ends its", K::cancel},
    {"dropped it", K::cancel}, {"drops it", K::cancel}, {"dropping it", K::cancel},
    // A switch ends a deal only when it is to a rival (status_rules checks what follows).
    {"switched to", K::cancel}, {"switches to", K::cancel}, {"switching to", K::cancel},
    // resume: the pause is over
    {"resume", K::resume}, {"resumes", K::resume}, {"resumed", K::resume}, {"resuming", K::resume},
    {"resumption", K::resume}, {"back on track", K::resume}, {"restarted", K::resume},
    {"restarts", K::resume}, {"unpaused", K::resume}, {"lifted the pause", K::resume},
    // speculative: the writer's own verdict that the claim is unproven
    {"remains speculation", K::speculative}, {"remain speculation", K::speculative},
    {"remains speculative", K::speculative}, {"remain speculative", K::speculative},
    {"still speculation", K::speculative}, {"still speculative", K::speculative},
    {"only speculation", K::speculative}, {"just speculation", K::speculative},
    {"merely speculation", K::speculative}, {"realm of speculation", K::speculative},
    {"unconfirmed speculation", K::speculative},
    // hearsay
    {"reportedly", K::hearsay}, {"report", K::hearsay}, {"reports", K::hearsay},
    {"reported", K::hearsay}, {"reporting", K::hearsay}, {"rumor*", K::hearsay},
    {"rumour*", K::hearsay}, {"allegedly", K::hearsay}, {"alleged", K::hearsay},
    {"alleges", K::hearsay}, {"purportedly", K::hearsay}, {"supposedly", K::hearsay},
    {"is said to", K::hearsay}, {"are said to", K::hearsay}, {"was said to", K::hearsay},
    {"were said to", K::hearsay}, {"said to be", K::hearsay}, {"said to", K::hearsay}, {"unconfirmed", K::hearsay},
    {"leak*", K::hearsay}, {"whisper*", K::hearsay}, {"chatter", K::hearsay},
    {"claims", K::hearsay}, {"claimed", K::hearsay}, {"claim", K::hearsay},
    {"tipped to", K::hearsay}, {"tipster", K::hearsay}, {"word is", K::hearsay},
    {"it is understood", K::hearsay}, {"understood to", K::hearsay}, {"believed to", K::hearsay},
    {"is believed", K::hearsay}, {"thought to be", K::hearsay}, {"hinted", K::hearsay},
    {"hints", K::hearsay}, {"i've heard", K::hearsay}, {"i have heard", K::hearsay},
    {"i've learned", K::hearsay}, {"we have learned", K::hearsay}, {"we've learned", K::hearsay},
    {"apparently", K::hearsay}, {"sources say", K::hearsay}, {"sources said", K::hearsay},
    {"viral", K::hearsay}, {"circulating", K::hearsay}, {"went viral", K::hearsay},
    {"buzz", K::hearsay}, {"murmurs", K::hearsay}, {"scoop", K::hearsay},
    // talks
    {"in talks", K::talks}, {"talks", K::talks}, {"negotiat*", K::talks},
    {"discussions", K::talks}, {"discussing", K::talks}, {"in discussion", K::talks},
    {"working with", K::talks}, {"working on", K::talks}, {"works with", K::talks},
    {"considering", K::talks}, {"considers", K::talks}, {"exploring", K::talks},
    {"explores", K::talks}, {"weighing", K::talks}, {"weighs", K::talks},
    {"evaluating", K::talks}, {"testing", K::talks}, {"tested", K::talks},
    {"evaluated", K::talks}, {"trialing", K::talks}, {"trialling", K::talks}, {"courting", K::talks},
    {"eyeing", K::talks}, {"approached", K::talks}, {"close to a deal", K::talks},
    {"nearing a deal", K::talks}, {"near a deal", K::talks}, {"nears deal", K::talks},
    {"shortlist*", K::talks}, {"in the running", K::talks}, {"front-runner", K::talks},
    {"frontrunner", K::talks}, {"in contact", K::talks},
    // hedge
    {"could", K::hedge}, {"might", K::hedge}, {"may", K::hedge}, {"possibly", K::hedge},
    {"possible", K::hedge}, {"possibility", K::hedge}, {"potential", K::hedge},
    {"potentially", K::hedge}, {"likely", K::hedge}, {"unlikely", K::hedge},
    {"perhaps", K::hedge}, {"maybe", K::hedge}, {"expected to", K::hedge},
    {"expect", K::hedge}, {"expects", K::hedge}, {"expectation*", K::hedge},
    {"is expected", K::hedge}, {"anticipat*", K::hedge}, {"if", K::hedge},
    {"whether", K::hedge}, {"speculat*", K::hedge}, {"predict*", K::hedge},
    {"forecast*", K::hedge}, {"projected to", K::hedge}, {"hopes to", K::hedge},
    {"hoping to", K::hedge}, {"seems", K::hedge}, {"seem to", K::hedge}, {"appears to", K::hedge},
    {"appear to", K::hedge}, {"should", K::hedge}, {"odds", K::hedge}, {"chance", K::hedge},
    {"chances", K::hedge}, {"what if", K::hedge}, {"imagine", K::hedge}, {"would be", K::hedge},
    {"would mean", K::hedge}, {"would have to", K::hedge}, {"would need to", K::hedge},
    {"would require", K::hedge}, {"in theory", K::hedge}, {"guess", K::hedge}, {"bet", K::hedge},
    {"wonder", K::hedge}, {"speculation", K::hedge}, {"could be", K::hedge}, {"probably", K::hedge},
    {"betting", K::hedge}, {"bets", K::hedge}, {"not ruled out", K::hedge}, {"hasn't ruled out", K::hedge},
    {"did not rule out", K::hedge}, {"didn't rule out", K::hedge}, {"not rule out", K::hedge},
    {"would not rule out", K::hedge}, {"wouldn't rule out", K::hedge}, {"unclear", K::hedge},
    {"not decided", K::hedge}, {"not yet decided", K::hedge}, {"undecided", K::hedge},
    {"no decision", K::hedge}, {"no final decision", K::hedge}, {"rumoured to", K::hearsay}, {"rumored to", K::hearsay},
    // no comment
    {"declined to comment", K::no_comment}, {"declines to comment", K::no_comment},
    {"declined comment", K::no_comment}, {"declined to confirm", K::no_comment},
    {"declined to elaborate", K::no_comment}, {"declined to discuss", K::no_comment},
    {"refused to comment", K::no_comment}, {"did not respond", K::no_comment},
    {"didn't respond", K::no_comment}, {"did not immediately respond", K::no_comment},
    {"didn't immediately respond", K::no_comment}, {"has not responded", K::no_comment},
    {"hasn't responded", K::no_comment}, {"have not responded", K::no_comment},
    {"did not reply", K::no_comment}, {"no comment", K::no_comment},
    {"would not comment", K::no_comment}, {"wouldn't comment", K::no_comment},
    {"could not be reached", K::no_comment}, {"couldn't be reached", K::no_comment},
    {"did not return", K::no_comment}, {"didn't return", K::no_comment},
    {"does not comment", K::no_comment}, {"doesn't comment", K::no_comment},
    {"do not comment", K::no_comment}, {"don't comment", K::no_comment},
    {"remained silent", K::no_comment}, {"remains silent", K::no_comment},
    {"kept quiet", K::no_comment}, {"stayed silent", K::no_comment}, {"tight-lipped", K::no_comment},
    {"no response", K::no_comment}, {"requests for comment", K::no_comment},
    {"request for comment", K::no_comment}, {"requests to comment", K::no_comment}, {"did not comment", K::no_comment},
    {"didn't comment", K::no_comment}, {"not commented", K::no_comment},
    {"silence from", K::no_comment}, {"would not confirm", K::no_comment},
    {"wouldn't confirm", K::no_comment}, {"won't comment", K::no_comment}, {"will not comment", K::no_comment},
    {"won't confirm", K::no_comment}, {"will not confirm", K::no_comment}, {"would neither confirm", K::no_comment},
    {"declined to confirm or deny", K::no_comment}, {"confirm or deny", K::no_comment},
    {"confirm nor deny", K::no_comment}, {"confirmed nor denied", K::no_comment},
    {"neither confirmed nor denied", K::no_comment}, {"neither confirm nor deny", K::no_comment},
    {"neither confirms nor denies", K::no_comment}, {"confirms nor denies", K::no_comment},
    // negators
    {"not", K::negator}, {"no", K::negator}, {"never", K::negator}, {"isn't", K::negator},
    {"aren't", K::negator}, {"wasn't", K::negator}, {"weren't", K::negator},
    {"hasn't", K::negator}, {"haven't", K::negator}, {"hadn't", K::negator},
    {"doesn't", K::negator}, {"don't", K::negator}, {"didn't", K::negator},
    {"won't", K::negator}, {"wouldn't", K::negator}, {"can't", K::negator},
    {"cannot", K::negator}, {"couldn't", K::negator}, {"without", K::negator},
    {"nobody", K::negator}, {"nothing", K::negator}, {"lack of", K::negator},
    {"lacks", K::negator}, {"absence of", K::negator}, {"far from", K::negator},
    {"nor", K::negator}, {"none", K::negator}, {"refused to", K::negator},
    {"failed to", K::negator},
    {"not yet", K::negator_pending}, {"yet to", K::negator_pending},
    {"still not", K::negator_pending}, {"still hasn't", K::negator_pending},
    {"still has not", K::negator_pending}, {"so far not", K::negator_pending},
    {"not so far", K::negator_pending}, {"still haven't", K::negator_pending},
    {"neither", K::negator_wide},
    // future
    {"plans to", K::future}, {"plan to", K::future}, {"planning to", K::future},
    {"planned", K::future}, {"intends to", K::future}, {"intend to", K::future},
    {"aims to", K::future}, {"aim to", K::future}, {"set to", K::future},
    {"is set to", K::future}, {"poised to", K::future}, {"will", K::future},
    {"would", K::future}, {"going to", K::future}, {"preparing to", K::future},
    {"to be announced", K::future}, {"upcoming", K::future}, {"next year", K::future},
    {"later this year", K::future}, {"ready to", K::future}, {"about to", K::future},
    {"wants to", K::future}, {"want to", K::future}, {"seeks to", K::future},
    {"seeking to", K::future}, {"before", K::future}, {"so that", K::future}, {"in order to", K::future},
    {"can be", K::future},
    // background
    {"earlier this year", K::background}, {"last year", K::background},
    {"previously", K::background}, {"back in", K::background}, {"at the time", K::background},
    {"a year ago", K::background}, {"years ago", K::background}, {"months ago", K::background},
    {"last month", K::background}, {"in the past", K::background}, {"earlier in", K::background},
    {"first reported", K::background}, {"initially", K::background}, {"originally", K::background},
    {"last spring", K::background}, {"last summer", K::background},
    {"last autumn", K::background}, {"last fall", K::background}, {"last winter", K::background},
    {"in early 20*", K::background}, {"in late 20*", K::background}, {"earlier reports", K::background},
    {"had", K::past_perfect}, {"had been", K::past_perfect},
    // clause boundaries
    {"but", K::contrast}, {"however", K::contrast}, {"while", K::contrast},
    {"whereas", K::contrast}, {"although", K::contrast}, {"though", K::contrast},
    {"yet", K::contrast}, {"even as", K::contrast}, {"meanwhile", K::contrast},
    {"despite", K::contrast}, {"instead", K::contrast},
    // not cues
    {"not only", K::ignore}, {"not just", K::ignore}, {"no doubt", K::ignore},
    {"no matter", K::ignore}, {"not least", K::ignore}, {"no wonder", K::ignore},
    {"no one knows", K::hedge}, {"not necessarily", K::hedge}, {"as expected", K::ignore},
    {"may be", K::hedge}, {"if any", K::ignore}, {"even if", K::hedge}, {"report card", K::ignore},
    {"earnings report", K::ignore}, {"quarterly report", K::ignore}, {"annual report", K::ignore},
    {"financial report", K::ignore}, {"reported revenue", K::ignore}, {"reported earnings", K::ignore},
    {"reported a", K::ignore}, {"launch event", K::ignore}, {"trade talks", K::ignore},
    {"trade negotiations", K::ignore}, {"peace talks", K::ignore}, {"launch date", K::ignore},
    {"open source", K::ignore}, {"open-source", K::ignore}, {"open-sourced", K::ignore},
    // speakers
    {"said", K::speech}, {"says", K::speech}, {"say", K::speech}, {"saying", K::speech},
    {"told", K::speech}, {"tells", K::speech}, {"stated", K::speech}, {"added", K::speech},
    {"noted", K::speech}, {"wrote", K::speech}, {"writes", K::speech}, {"explained", K::speech},
    {"commented", K::speech}, {"remarked", K::speech}, {"insisted", K::speech},
    {"insists", K::speech}, {"stressed", K::speech}, {"emphasi*", K::speech},
    {"revealed", K::speech}, {"reveals", K::speech}, {"disclosed", K::speech},
    {"pointed out", K::speech}, {"in a statement", K::ignore},
    {"according to", K::according_to}, {"citing", K::according_to}, {"cited", K::according_to},
    {"reported by", K::according_to}, {"as reported by", K::according_to},
    {"people familiar", K::unnamed_source}, {"person familiar", K::unnamed_source},
    {"familiar with the", K::unnamed_source}, {"sources", K::unnamed_source},
    {"source", K::unnamed_source}, {"insider*", K::unnamed_source},
    {"people with knowledge", K::unnamed_source}, {"person with knowledge", K::unnamed_source},
    {"people close to", K::unnamed_source}, {"person close to", K::unnamed_source},
    {"people briefed", K::unnamed_source}, {"person briefed", K::unnamed_source},
    {"people in the know", K::unnamed_source}, {"asked not to be named", K::unnamed_source},
    {"declined to be named", K::unnamed_source}, {"condition of anonymity", K::unnamed_source},
    {"anonymous", K::unnamed_source}, {"people involved", K::unnamed_source},
    {"people aware", K::unnamed_source}, {"people with direct knowledge", K::unnamed_source},
    {"a person", K::unnamed_source}, {"the people", K::unnamed_source}, {"one of the people", K::unnamed_source},
    {"two of the people", K::unnamed_source}, {"the person", K::unnamed_source}, {"people briefed", K::unnamed_source}, {"off-the-record", K::unnamed_source},
    {"off the record", K::unnamed_source}, {"supply chain", K::unnamed_source},
    {"reuters", K::media}, {"bloomberg", K::media}, {"the information", K::media},
    {"nikkei", K::media}, {"wall street journal", K::media}, {"the journal", K::media},
    {"financial times", K::media}, {"the verge", K::media}, {"cnbc", K::media},
    {"south china morning post", K::media}, {"scmp", K::media}, {"9to5mac", K::media},
    {"macrumors", K::media}, {"the report", K::media}, {"a report", K::media},
    {"media reports", K::media}, {"local media", K::media}, {"state media", K::media},
    {"xinhua", K::media}, {"caixin", K::media}, {"latepost", K::media}, {"gurman", K::media},
    {"ming-chi kuo", K::media}, {"the times", K::media}, {"new york times", K::media},
    {"the guardian", K::media}, {"bbc", K::media}, {"tmz", K::media}, {"daily mail", K::media},
    {"tabloid", K::media}, {"the sun", K::media}, {"the post", K::media}, {"weibo", K::media},
    {"analyst", K::analyst}, {"analysts", K::analyst}, {"expert", K::analyst},
    {"experts", K::analyst}, {"observers", K::analyst}, {"industry watchers", K::analyst},
    {"commentators", K::analyst}, {"i think", K::analyst}, {"i believe", K::analyst},
    {"in my view", K::analyst}, {"in my opinion", K::analyst}, {"my take", K::analyst},
    {"we think", K::analyst}, {"we believe", K::analyst}, {"i expect", K::analyst},
    {"my guess", K::analyst}, {"my view", K::analyst}, {"we expect", K::analyst},
    {"in my experience", K::analyst}, {"my interpretation", K::analyst}, {"my read", K::analyst},
    {"i would say", K::analyst}, {"if i had to bet", K::analyst}, {"my bet", K::analyst}, {"i'd", K::analyst}, {"i suspect", K::analyst},
    // generic references
    {"the company", K::party_ref}, {"the firm", K::party_ref}, {"the group", K::party_ref},
    {"the tech giant", K::party_ref}, {"the giant", K::party_ref}, {"a spokesperson", K::party_ref},
    {"a spokesman", K::party_ref}, {"a spokeswoman", K::party_ref}, {"a company spokesperson", K::party_ref},
    {"a company spokesman", K::party_ref}, {"its spokesperson", K::party_ref}, {"its spokesman", K::party_ref},
    {"its spokeswoman", K::party_ref}, {"a representative", K::party_ref}, {"its chairman", K::party_ref},
    {"its chief executive", K::party_ref}, {"its ceo", K::party_ref}, {"the company's", K::party_ref}, {"its", K::party_ref},
    {"both companies", K::all_parties_ref}, {"the two companies", K::all_parties_ref},
    {"both firms", K::all_parties_ref}, {"the two firms", K::all_parties_ref},
    {"both sides", K::all_parties_ref}, {"the two sides", K::all_parties_ref},
    {"the companies", K::all_parties_ref}, {"the pair", K::all_parties_ref},
    {"the two groups", K::all_parties_ref}, {"the two tech giants", K::all_parties_ref},
    {"either company", K::all_parties_ref}, {"either side", K::all_parties_ref},
    {"either firm", K::all_parties_ref}, {"neither company", K::neither_party}, {"neither firm", K::neither_party},
    {"one of the two companies", K::one_party}, {"one of the companies", K::one_party},
    {"one of the two firms", K::one_party}, {"one of the two sides", K::one_party}, {"one side", K::one_party},
    {"neither side", K::neither_party}, {"neither of the companies", K::neither_party},
    {"the deal", K::deal_ref}, {"the partnership", K::deal_ref}, {"the agreement", K::deal_ref},
    {"the tie-up", K::deal_ref}, {"the collaboration", K::deal_ref}, {"the alliance", K::deal_ref},
    {"the pact", K::deal_ref}, {"the arrangement", K::deal_ref}, {"the plan", K::deal_ref},
    {"this deal", K::deal_ref}, {"such a deal", K::deal_ref}, {"a deal", K::deal_ref},
    {"the tie up", K::deal_ref}, {"the project", K::deal_ref},
};

// Chinese. Substring matching, so words that merely contain a cue are listed as `ignore`
// (the longest phrase at a position wins): 未来 is not 未, 数据 is not 据.
constexpr LexiconEntry kChinese[] = {
    // confirm
    {"证实", K::confirm}, {"确认", K::confirm}, {"承认", K::confirm}, {"坦承", K::confirm},
    {"获证实", K::confirm}, {"印证", K::confirm}, {"确有其事", K::confirm},
    // announce
    {"官宣", K::announce}, {"正式宣布", K::announce}, {"宣布", K::announce},
    {"正式发布", K::announce}, {"发布公告", K::announce}, {"公告", K::announce},
    {"签署", K::announce}, {"签约", K::announce}, {"签订", K::announce}, {"正式上线", K::announce},
    {"上线", K::announce}, {"推出", K::announce}, {"落地", K::announce},
    {"达成合作", K::announce}, {"达成协议", K::announce}, {"正式合作", K::announce},
    {"正式", K::announce}, {"公布", K::announce}, {"官方确认", K::announce}, {"官方宣布", K::announce},
    {"开始推送", K::announce}, {"已上线", K::announce},
    // joint
    {"联合发布", K::joint}, {"联合宣布", K::joint}, {"共同宣布", K::joint},
    {"共同发布", K::joint}, {"联合声明", K::joint}, {"联合", K::joint}, {"联合国", K::ignore},
    {"联合创始人", K::ignore}, {"联合创办人", K::ignore},
    // deny
    {"否认", K::deny}, {"辟谣", K::deny}, {"驳斥", K::deny}, {"否定", K::deny},
    {"没有计划", K::deny}, {"无计划", K::deny}, {"并无计划", K::deny}, {"暂无计划", K::deny},
    {"不存在", K::deny}, {"纯属", K::deny}, {"子虚乌有", K::deny}, {"假消息", K::deny},
    {"澄清", K::deny}, {"并未与", K::deny}, {"没有与", K::deny}, {"无意", K::deny},
    {"不实", K::deny_after}, {"不属实", K::deny_after}, {"失实", K::deny_after},
    {"纯属谣言", K::deny_after}, {"系谣言", K::deny_after}, {"是谣言", K::deny_after},
    {"并非事实", K::deny_after}, {"假的", K::deny_after}, {"谣传", K::deny_after},
    {"捕风捉影", K::deny_after}, {"与事实不符", K::deny_after}, {"不符合事实", K::deny_after},
    {"并不属实", K::deny_after}, {"不准确", K::deny_after}, {"没有根据", K::deny_after}, {"毫无根据", K::deny_after},
    // stall
    {"推迟", K::stall}, {"延迟", K::stall}, {"延期", K::stall}, {"延后", K::stall},
    {"暂停", K::stall}, {"暂缓", K::stall}, {"搁置", K::stall}, {"受阻", K::stall},
    {"停滞", K::stall}, {"卡壳", K::stall}, {"审查", K::review}, {"审核", K::review},
    {"审批", K::review}, {"未获批", K::review}, {"未获批准", K::review}, {"尚未获批", K::review},
    {"冻结", K::stall}, {"僵局", K::stall}, {"放缓", K::stall}, {"遇阻", K::stall},
    {"阻碍", K::stall}, {"障碍", K::stall}, {"叫停", K::stall}, {"中止", K::stall},
    {"拖延", K::stall}, {"受挫", K::stall}, {"搁浅", K::stall}, {"卡在", K::stall},
    {"监管压力", K::review}, {"需要获得批准", K::review}, {"需经审批", K::review}, {"须经审批", K::review},
    {"需获批", K::review}, {"需要审批", K::review}, {"难产", K::stall}, {"迟迟", K::stall}, {"生变", K::stall},
    {"变数", K::hedge}, {"仍在等待", K::stall}, {"仍在审查", K::stall}, {"仍未获批", K::stall}, {"仍待", K::stall}, {"审视", K::review}, {"等待审批", K::review}, {"等待批准", K::review},
    {"调查", K::review}, {"未予批准", K::review}, {"迟迟没有进展", K::stall}, {"没有进展", K::stall}, {"一波三折", K::stall}, {"获批", K::approve}, {"通过审批", K::approve},
    {"通过审查", K::approve}, {"通过备案", K::approve}, {"完成备案", K::approve}, {"批准", K::approve},
    {"获得批准", K::approve}, {"放行", K::approve}, {"属实", K::confirm}, {"消息属实", K::confirm},
    // cancel
    {"取消", K::cancel}, {"终止", K::cancel}, {"放弃", K::cancel}, {"告吹", K::cancel},
    {"破裂", K::cancel}, {"撤回", K::cancel}, {"喊停", K::cancel}, {"退出", K::cancel},
    {"不再", K::cancel}, {"作罢", K::cancel}, {"流产", K::cancel}, {"黄了", K::cancel},
    {"停止合作", K::cancel}, {"结束合作", K::cancel}, {"终结", K::cancel}, {"分道扬镳", K::cancel},
    {"撤销", K::cancel}, {"换掉", K::cancel}, {"弃用", K::cancel},
    {"放弃合作", K::cancel},
    // resume
    {"恢复", K::resume}, {"重启", K::resume}, {"重新上线", K::resume}, {"重新推送", K::resume},
    {"回来了", K::resume}, {"重回正轨", K::resume}, {"恢复推送", K::resume}, {"恢复上线", K::resume},
    // speculative
    {"停留在猜测", K::speculative}, {"停留在传闻", K::speculative}, {"仍是猜测", K::speculative},
    {"只是猜测", K::speculative}, {"仅是猜测", K::speculative}, {"仅为猜测", K::speculative},
    {"仍属猜测", K::speculative}, {"尚属猜测", K::speculative}, {"只是推测", K::speculative},
    // hearsay
    {"据悉", K::hearsay}, {"据报道", K::hearsay}, {"据称", K::hearsay}, {"据传", K::hearsay},
    {"据了解", K::hearsay}, {"传闻", K::hearsay}, {"传言", K::hearsay}, {"谣言", K::hearsay},
    {"消息称", K::hearsay}, {"有消息", K::hearsay}, {"爆料", K::hearsay}, {"曝光", K::hearsay},
    {"曝", K::hearsay}, {"传出", K::hearsay}, {"网传", K::hearsay}, {"报道称", K::hearsay},
    {"报道", K::hearsay}, {"报导", K::hearsay}, {"疑似", K::hearsay}, {"风传", K::hearsay},
    {"盛传", K::hearsay}, {"流传", K::hearsay}, {"据说", K::hearsay}, {"听说", K::hearsay},
    {"小道消息", K::hearsay}, {"未经证实", K::hearsay}, {"传", K::hearsay},
    {"被曝", K::hearsay}, {"援引", K::according_to}, {"引述", K::according_to},
    // talks
    {"洽谈", K::talks}, {"谈判", K::talks}, {"磋商", K::talks}, {"商谈", K::talks},
    {"接触", K::talks}, {"沟通", K::talks}, {"讨论", K::talks}, {"测试", K::talks},
    {"评估", K::talks}, {"商讨", K::talks}, {"协商", K::talks}, {"会谈", K::talks},
    {"谈合作", K::talks}, {"正在合作", K::talks}, {"在谈", K::talks}, {"寻求", K::talks},
    {"考虑", K::talks}, {"候选", K::talks},
    // hedge
    {"或将", K::hedge}, {"或许", K::hedge}, {"也许", K::hedge}, {"可能", K::hedge},
    {"有望", K::hedge}, {"预计", K::hedge}, {"预期", K::hedge}, {"料将", K::hedge},
    {"若", K::hedge}, {"如果", K::hedge}, {"假如", K::hedge}, {"一旦", K::hedge},
    {"是否", K::hedge}, {"猜测", K::hedge}, {"推测", K::hedge}, {"估计", K::hedge},
    {"或成", K::hedge}, {"大概", K::hedge}, {"潜在", K::hedge}, {"有可能", K::hedge},
    {"不排除", K::hedge}, {"尚未决定", K::hedge}, {"未决定", K::hedge}, {"尚无定论", K::hedge}, {"或有", K::hedge}, {"或会", K::hedge}, {"恐将", K::hedge},
    {"能否", K::hedge}, {"什么时候", K::hedge}, {"会不会", K::hedge}, {"是不是", K::hedge}, {"何时", K::hedge},
    {"猜想", K::hedge}, {"想象", K::hedge}, {"假设", K::hedge}, {"或", K::hedge},
    {"或者", K::ignore}, {"或是", K::ignore}, {"吗", K::hedge}, {"呢", K::hedge},
    // no comment
    {"未予置评", K::no_comment}, {"不予置评", K::no_comment}, {"拒绝置评", K::no_comment},
    {"不予评论", K::no_comment}, {"拒绝评论", K::no_comment}, {"未予回应", K::no_comment},
    {"未回应", K::no_comment}, {"未作回应", K::no_comment}, {"没有回应", K::no_comment},
    {"暂无回应", K::no_comment}, {"尚未回应", K::no_comment}, {"未作评论", K::no_comment},
    {"不作评论", K::no_comment}, {"未发表评论", K::no_comment}, {"未置可否", K::no_comment},
    {"暂未回复", K::no_comment}, {"未回复", K::no_comment}, {"没有回复", K::no_comment},
    {"保持沉默", K::no_comment}, {"三缄其口", K::no_comment}, {"不便透露", K::no_comment},
    {"无可奉告", K::no_comment}, {"未对此", K::no_comment}, {"不予回应", K::no_comment},
    {"置评", K::no_comment}, {"既未证实也未否认", K::no_comment}, {"未证实也未否认", K::no_comment},
    {"不置可否", K::no_comment}, {"既没有证实也没有否认", K::no_comment}, {"未作出回应", K::no_comment}, {"沉默", K::no_comment},
    {"未表态", K::no_comment}, {"不评论", K::no_comment},
    // negators
    {"未", K::negator}, {"没有", K::negator}, {"没", K::negator}, {"不", K::negator},
    {"无", K::negator}, {"非", K::negator}, {"并非", K::negator}, {"并未", K::negator},
    {"从未", K::negator}, {"绝不", K::negator}, {"并没有", K::negator}, {"并不", K::negator},
    {"尚未", K::negator_pending}, {"还未", K::negator_pending}, {"仍未", K::negator_pending},
    {"还没有", K::negator_pending}, {"仍没有", K::negator_pending}, {"至今未", K::negator_pending},
    {"暂未", K::negator_pending}, {"迄今未", K::negator_pending}, {"还没", K::negator_pending},
    {"均未", K::negator_wide}, {"都没有", K::negator_wide}, {"均没有", K::negator_wide},
    {"皆未", K::negator_wide}, {"都未", K::negator_wide}, {"均不", K::negator_wide},
    // future
    {"计划", K::future}, {"准备", K::future}, {"将", K::future}, {"拟", K::future},
    {"即将", K::future}, {"打算", K::future}, {"有意", K::future}, {"将于", K::future},
    {"将会", K::future}, {"想要", K::future}, {"希望", K::hedge},
    // background
    {"去年", K::background}, {"此前", K::background}, {"早前", K::background},
    {"曾", K::background}, {"曾经", K::background}, {"年初", K::background},
    {"早些时候", K::background}, {"上月", K::background}, {"上个月", K::background},
    {"当时", K::background}, {"前年", K::background}, {"先前", K::background},
    {"过去", K::background}, {"最初", K::background},
    // clause boundaries
    {"但", K::contrast}, {"但是", K::contrast}, {"不过", K::contrast}, {"然而", K::contrast},
    {"却", K::contrast}, {"与此同时", K::contrast}, {"尽管", K::contrast}, {"虽然", K::contrast},
    // not cues
    {"未来", K::ignore}, {"不少", K::ignore}, {"不断", K::ignore}, {"不仅", K::ignore},
    {"不但", K::ignore}, {"不同", K::ignore}, {"不久", K::ignore}, {"无论", K::ignore},
    {"无疑", K::ignore}, {"非常", K::ignore}, {"不只", K::ignore}, {"不管", K::ignore},
    {"不错", K::ignore}, {"毫无疑问", K::ignore}, {"没错", K::ignore}, {"无人机", K::ignore},
    {"无线", K::ignore}, {"数据", K::ignore}, {"依据", K::ignore}, {"证据", K::ignore},
    {"根据", K::according_to}, {"占据", K::ignore}, {"非洲", K::ignore}, {"并非只", K::ignore},
    {"不足", K::ignore}, {"无法", K::negator}, {"不可或缺", K::ignore}, {"是非", K::ignore},
    {"传统", K::ignore}, {"传输", K::ignore}, {"宣传", K::ignore}, {"传感", K::ignore},
    {"传递", K::ignore}, {"传播", K::ignore}, {"传奇", K::ignore}, {"传真", K::ignore}, {"流传", K::hearsay}, {"或多或少", K::ignore}, {"无缝", K::ignore},
    {"不可", K::ignore}, {"无需", K::ignore}, {"将近", K::ignore}, {"正式版", K::ignore},
    {"不久前", K::background}, {"消息面", K::ignore}, {"推出的", K::ignore}, {"报道了", K::hearsay},
    {"审美", K::ignore}, {"来说", K::ignore}, {"说法", K::ignore}, {"测试版", K::ignore}, {"公测", K::ignore}, {"内测", K::ignore}, {"说服", K::ignore}, {"传说", K::ignore},
    {"演说", K::ignore}, {"学说", K::ignore}, {"比如说", K::ignore}, {"也就是说", K::ignore},
    {"虽说", K::ignore}, {"小说", K::ignore}, {"的落地", K::ignore}, {"的上线", K::ignore},
    {"的推出", K::ignore}, {"落地时间", K::ignore}, {"上线时间", K::ignore}, {"推出时间", K::ignore},
    {"发布时间", K::ignore}, {"发布会", K::ignore}, {"能不能", K::hedge}, {"会否", K::hedge}, {"不仅仅", K::ignore}, {"未必", K::hedge}, {"不一定", K::hedge},
    // speakers
    {"表示", K::speech}, {"称", K::speech}, {"说", K::speech}, {"指出", K::speech},
    {"透露", K::speech}, {"介绍", K::speech}, {"坦言", K::speech}, {"回应", K::speech},
    {"强调", K::speech}, {"提到", K::speech}, {"告诉", K::speech}, {"声称", K::speech},
    {"宣称", K::speech}, {"表态", K::speech}, {"发文", K::speech}, {"认为", K::speech}, {"说明", K::ignore}, {"称为", K::ignore}, {"号称", K::ignore},
    {"名称", K::ignore}, {"简称", K::ignore}, {"对称", K::ignore}, {"堪称", K::ignore},
    {"据", K::according_to},
    {"知情人士", K::unnamed_source}, {"消息人士", K::unnamed_source}, {"业内人士", K::unnamed_source},
    {"内部人士", K::unnamed_source}, {"接近", K::unnamed_source}, {"人士", K::unnamed_source},
    {"匿名", K::unnamed_source}, {"供应链", K::unnamed_source}, {"相关人士", K::unnamed_source},
    {"消息来源", K::unnamed_source}, {"知情者", K::unnamed_source}, {"爆料人", K::unnamed_source},
    {"路透", K::media}, {"彭博", K::media}, {"日经", K::media}, {"华尔街日报", K::media},
    {"金融时报", K::media}, {"媒体", K::media}, {"外媒", K::media}, {"晚点", K::media},
    {"财新", K::media}, {"界面新闻", K::media}, {"澎湃", K::media}, {"新华社", K::media},
    {"36氪", K::media}, {"微博", K::media}, {"博主", K::media},
    {"小编", K::analyst}, {"分析师", K::analyst}, {"分析人士", K::analyst}, {"专家", K::analyst},
    {"观察人士", K::analyst}, {"我认为", K::analyst}, {"笔者", K::analyst},
    {"在我看来", K::analyst}, {"个人认为", K::analyst}, {"投资者", K::analyst},
    {"业内分析", K::analyst}, {"有分析", K::analyst}, {"观点认为", K::analyst}, {"多数观点", K::analyst}, {"分析指出", K::analyst}, {"分析认为", K::analyst}, {"有观点", K::analyst}, {"市场人士", K::analyst},
    // generic references
    {"该公司", K::party_ref}, {"该集团", K::party_ref}, {"这家公司", K::party_ref},
    {"公司方面", K::party_ref}, {"该企业", K::party_ref}, {"发言人", K::party_ref}, {"相关负责人", K::party_ref},
    {"双方", K::all_parties_ref}, {"两家公司", K::all_parties_ref}, {"两家企业", K::all_parties_ref},
    {"一方", K::one_party}, {"有一方", K::one_party}, {"其中一方", K::one_party}, {"另一方", K::one_party},
    {"一方面", K::ignore}, {"另一方面", K::ignore}, {"二者", K::all_parties_ref}, {"两者", K::all_parties_ref}, {"两家", K::all_parties_ref},
    {"此次合作", K::deal_ref}, {"该合作", K::deal_ref}, {"这项合作", K::deal_ref},
    {"这一合作", K::deal_ref}, {"双方合作", K::deal_ref}, {"这笔交易", K::deal_ref},
    {"该协议", K::deal_ref}, {"此项合作", K::deal_ref}, {"相关合作", K::deal_ref},
    {"合作事宜", K::deal_ref}, {"该交易", K::deal_ref}, {"这桩交易", K::deal_ref},
};

constexpr std::pair<CueKind, std::string_view> kKindNames[] = {
    {K::confirm, "confirm"}, {K::approve, "approve"}, {K::announce, "announce"}, {K::deny, "deny"},
    {K::deny_after, "deny_after"}, {K::stall, "stall"}, {K::review, "review"}, {K::cancel, "cancel"}, {K::resume, "resume"}, {K::speculative, "speculative"},
    {K::hearsay, "hearsay"}, {K::talks, "talks"}, {K::hedge, "hedge"},
    {K::no_comment, "no_comment"}, {K::negator, "negator"}, {K::negator_pending, "negator_pending"},
    {K::negator_wide, "negator_wide"}, {K::future, "future"}, {K::joint, "joint"},
    {K::background, "background"}, {K::past_perfect, "past_perfect"}, {K::contrast, "contrast"},
    {K::ignore, "ignore"}, {K::speech, "speech"}, {K::according_to, "according_to"},
    {K::unnamed_source, "unnamed_source"}, {K::media, "media"}, {K::analyst, "analyst"},
    {K::entity, "entity"}, {K::deal, "deal"}, {K::joint_announcement, "joint_announcement"},
    {K::party_ref, "party_ref"}, {K::all_parties_ref, "all_parties_ref"},
    {K::neither_party, "neither_party"}, {K::one_party, "one_party"}, {K::deal_ref, "deal_ref"},
};

} // namespace

std::string_view to_string(CueKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "?";
}

std::span<const LexiconEntry> english_cues() { return kEnglish; }
std::span<const LexiconEntry> chinese_cues() { return kChinese; }

CueKind cue_kind_for(RumorStatus status) {
    switch (status) {
    case RumorStatus::speculation: return K::hedge;
    case RumorStatus::reported: return K::hearsay;
    case RumorStatus::partially_confirmed: return K::confirm;
    case RumorStatus::confirmed: return K::announce;
    case RumorStatus::denied: return K::deny;
    case RumorStatus::stalled: return K::stall;
    case RumorStatus::cancelled: return K::cancel;
    case RumorStatus::none:
    case RumorStatus::mentioned: break;
    }
    return K::ignore;
}

Lexicon::Lexicon(const Topic* topic) {
    // The topic's own phrases go first: for the same phrase, the first one added wins, and
    // a topic knows better than the generic tables what its words mean.
    if (topic) {
        // An alias that is also a deal term ("Apple Intelligence": Apple's, and the deal's
        // subject) names the entity and the deal at once.
        auto folded = [](std::string_view s) {
            std::string out(s);
            for (char& c : out)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            return out;
        };
        std::vector<std::string> deal_terms;
        for (const auto& term : topic->deal_terms) deal_terms.push_back(folded(term));
        for (std::size_t i = 0; i < topic->entities.size(); ++i)
            for (const auto& alias : topic->entities[i].aliases) {
                const bool deal = std::find(deal_terms.begin(), deal_terms.end(), folded(alias)) != deal_terms.end();
                add(alias, K::entity, static_cast<std::int16_t>(i), deal);
            }
        // A deal term that holds a party's alias ("Apple Intelligence in China") names both.
        for (const auto& term : topic->deal_terms)
            for (std::size_t i = 0; i < topic->entities.size(); ++i) {
                if (!topic->entities[i].party) continue;
                for (const auto& alias : topic->entities[i].aliases)
                    if (alias.size() >= 3 && folded(term) != folded(alias) &&
                        folded(term).find(folded(alias)) != std::string::npos) {
                        add(term, K::entity, static_cast<std::int16_t>(i), true);
                        break;
                    }
            }
        for (const auto& phrase : topic->joint_announcement) add(phrase, K::joint_announcement);
        for (const auto& cue : topic->cues) add(cue.phrase, cue_kind_for(cue.status));
        for (const auto& term : topic->deal_terms) add(term, K::deal);
    }
    for (const auto& e : kEnglish) add(e.phrase, e.kind);
    for (const auto& e : kChinese) add(e.phrase, e.kind);
    matcher_.compile();
}

void Lexicon::add(std::string_view phrase, CueKind kind, std::int16_t entity, bool also_deal) {
    matcher_.add(phrase, static_cast<std::uint32_t>(terms_.size()));
    terms_.push_back({kind, entity, also_deal});
}

void Lexicon::scan(std::string_view text, std::vector<Hit>& out) const {
    thread_local std::vector<PhraseMatcher::Match> matches;
    matches.clear();
    matcher_.find(text, matches);
    for (const auto& m : matches) {
        const Term& t = terms_[m.payload];
        out.push_back({m.begin, m.end, t.kind, t.entity, t.also_deal});
    }
}

} // namespace rumorwatch
