#include "domain/framework.h"

#include <array>
#include <utility>

namespace cscwatch {

namespace {
constexpr std::array kFrameworks = {std::pair{Framework::PreSif, std::string_view{"pre-SIF"}},
                                    std::pair{Framework::Sif, std::string_view{"SIF"}},
                                    std::pair{Framework::Ilacs, std::string_view{"ILACS"}}};
constexpr std::array kKinds = {
    std::pair{DocumentKind::SifReport, std::string_view{"sif_report"}},
    std::pair{DocumentKind::IlacsReport, std::string_view{"ilacs_report"}},
    std::pair{DocumentKind::LookedAfterChildrenReport, std::string_view{"looked_after_children_report"}},
    std::pair{DocumentKind::FocusedVisitLetter, std::string_view{"focused_visit"}},
    std::pair{DocumentKind::MonitoringVisitLetter, std::string_view{"monitoring_visit"}},
    std::pair{DocumentKind::JointTargetedInspection, std::string_view{"joint_targeted_inspection"}},
    std::pair{DocumentKind::LscbReview, std::string_view{"lscb_review"}}};
constexpr std::array kTypes = {
    std::pair{InspectionType::Full, std::string_view{"full"}},
    std::pair{InspectionType::ReInspection, std::string_view{"reinspection"}},
    std::pair{InspectionType::Standard, std::string_view{"standard"}},
    std::pair{InspectionType::Short, std::string_view{"short"}},
    std::pair{InspectionType::FocusedVisit, std::string_view{"focused_visit"}},
    std::pair{InspectionType::MonitoringVisit, std::string_view{"monitoring_visit"}},
    std::pair{InspectionType::Joint, std::string_view{"joint"}},
    std::pair{InspectionType::BoardReview, std::string_view{"board_review"}}};

template <typename Table, typename E>
std::string_view name_of(const Table& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "";
}
template <typename Table>
auto value_of(const Table& table, std::string_view name)
    -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(Framework framework) { return name_of(kFrameworks, framework); }
std::string_view to_string(DocumentKind kind) { return name_of(kKinds, kind); }
std::string_view to_string(InspectionType type) { return name_of(kTypes, type); }
std::optional<Framework> parse_framework(std::string_view text) { return value_of(kFrameworks, text); }
std::optional<DocumentKind> parse_document_kind(std::string_view text) { return value_of(kKinds, text); }
std::optional<InspectionType> parse_inspection_type(std::string_view text) { return value_of(kTypes, text); }

Framework framework_of(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::SifReport:
    case DocumentKind::LscbReview: return Framework::Sif;  // the reviews sat in the SIF framework
    case DocumentKind::LookedAfterChildrenReport: return Framework::PreSif;
    default: return Framework::Ilacs;
  }
}

}  // namespace cscwatch
