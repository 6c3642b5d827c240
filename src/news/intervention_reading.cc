#include "news/intervention_reading.h"

namespace cscwatch::news {

std::string_view to_string(InterventionKind kind) {
  switch (kind) {
    case InterventionKind::Commissioner:
      return "commissioner";
    case InterventionKind::ImprovementBoard:
      return "improvement_board";
    case InterventionKind::ImprovementNotice:
      return "improvement_notice";
    case InterventionKind::Direction:
      return "direction";
    case InterventionKind::Adviser:
      return "adviser";
    case InterventionKind::Trust:
      return "trust";
    case InterventionKind::SectorLedPartner:
      return "sector_led_partner";
    case InterventionKind::Intervention:
      return "intervention";
    case InterventionKind::NewDirector:
      return "new_director";
  }
  return "intervention";
}

namespace {

// "appointed ... director of children's services", "a new director of
// children's services", "interim director of children's services": w[i] is "director".
bool new_director_at(const std::vector<Word>& w, size_t i) {
  if (w[i].norm != "director" || i + 2 >= w.size() || w[i + 1].norm != "of") return false;
  bool childrens = w[i + 2].norm == "childrens" || (i + 3 < w.size() && w[i + 3].norm == "childrens");
  if (!childrens) return false;
  for (size_t k = i >= 8 ? i - 8 : 0; k < i; ++k) {
    const auto& p = w[k].norm;
    if (p == "appointed" || p == "appoint" || p == "appoints" || p == "new" || p == "interim" || p == "hired" ||
        p == "recruited" || p == "named")
      return true;
  }
  return false;
}

// Who acted, when the sentence names a government actor.
std::string actor_of(const std::vector<Word>& w) {
  std::string actor;
  for (size_t i = 0; i < w.size(); ++i) {
    const auto& n = w[i].norm;
    std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].norm) : "";
    if (n == "department" && next == "for")
      actor = "Department for Education";
    else if (n == "dfe" && actor.empty())
      actor = "Department for Education";
    else if ((n == "minister" || n == "secretary") && actor.empty())
      actor = "minister";
    else if (n == "government" && actor.empty())
      actor = "government";
  }
  return actor;
}

struct SentenceCues {
  bool issued = false;          // something issued, revoked or lifted, or a minister acting
  bool about_services = false;  // the sentence is about running children's services
  std::string actor;
};

SentenceCues cues_of(const std::vector<Word>& w) {
  SentenceCues c;
  for (const auto& x : w) {
    if (x.norm == "issued" || x.norm == "issue" || x.norm == "secretary" || x.norm == "minister" ||
        x.norm == "revoked" || x.norm == "lifted")
      c.issued = true;
    if (x.norm == "services" || x.norm == "childrens" || x.norm == "control" || x.norm == "run" ||
        x.norm == "transferred" || x.norm == "taken")
      c.about_services = true;
  }
  c.actor = actor_of(w);
  return c;
}

// The intervention word w[i] names, if any.
std::optional<InterventionKind> kind_at(const std::vector<Word>& w, size_t i, const SentenceCues& c) {
  const auto& n = w[i].norm;
  std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].norm) : "";
  std::string_view prev = i > 0 ? std::string_view(w[i - 1].norm) : "";
  std::string_view prev2 = i > 1 ? std::string_view(w[i - 2].norm) : "";
  if (n == "commissioner" || n == "commissioners") {
    bool police = prev == "crime" || (prev == "police" && prev2 != "and");
    bool childrens_commissioner = prev == "childrens" && w[i].capitalised && next == "for";
    if (!police && !childrens_commissioner &&
        !(prev == "childrens" && w[i].capitalised && w[i - 1].capitalised && !(i > 1 && w[i - 2].norm == "services")))
      return InterventionKind::Commissioner;
  } else if (n == "board" && prev == "improvement") {
    return InterventionKind::ImprovementBoard;
  } else if (n == "notice" && (prev == "improvement" || prev == "warning")) {
    return InterventionKind::ImprovementNotice;
  } else if (n == "improve" && prev == "to" && prev2 == "notice") {
    return InterventionKind::ImprovementNotice;
  } else if ((n == "direction" || n == "directions") &&
             (prev == "statutory" || prev == "formal" || prev == "a" || prev == "the" || prev == "new" ||
              prev == "revised" || next == "notice" || next == "issued")) {
    // "in the right direction" is not an intervention
    if (prev == "right" || prev == "same" || prev == "wrong" || next == "of") return std::nullopt;
    bool legal = prev == "statutory" || next == "notice" || next == "issued" || !c.actor.empty() || c.issued;
    if (legal) return InterventionKind::Direction;
  } else if ((n == "adviser" || n == "advisor") && (prev == "improvement" || prev == "dfe" || prev == "government" ||
                                                    prev == "independent" || prev == "education")) {
    return InterventionKind::Adviser;
  } else if (n == "trust" &&
             (prev == "childrens" || prev == "independent" || prev == "services" || next == "to" || prev == "a")) {
    if (c.about_services) return InterventionKind::Trust;
  } else if ((n == "control" && prev == "council" && (prev2 == "of" || prev2 == "from")) ||
             (n == "stripped" && next == "of")) {
    return InterventionKind::Trust;
  } else if ((n == "intervention" || n == "intervene" || n == "intervened" || n == "intervenes") && !c.actor.empty()) {
    return InterventionKind::Intervention;
  } else if (n == "sector" && next == "led") {
    return InterventionKind::SectorLedPartner;
  } else if (n == "measures" && prev == "special") {
    return InterventionKind::Intervention;
  } else if (new_director_at(w, i)) {
    return InterventionKind::NewDirector;
  }
  return std::nullopt;
}

}  // namespace

void read_interventions(const std::vector<Word>& w, const std::string& sentence, const std::vector<StatedDate>& dates,
                        std::vector<Intervention>& out) {
  if (out.size() >= 30) return;
  SentenceCues cues = cues_of(w);
  auto add = [&](InterventionKind kind) {
    for (const auto& x : out)
      if (x.kind == kind && x.text == sentence) return;
    if (out.size() >= 30) return;
    Intervention iv{kind, sentence, cues.actor, {}};
    for (auto it = dates.rbegin(); it != dates.rend(); ++it)
      if (it->sentence == sentence && it->precision != "relation") {
        iv.date_text = it->text;
        break;
      }
    out.push_back(std::move(iv));
  };
  for (size_t i = 0; i < w.size(); ++i)
    if (auto kind = kind_at(w, i, cues)) add(*kind);
}

}  // namespace cscwatch::news
